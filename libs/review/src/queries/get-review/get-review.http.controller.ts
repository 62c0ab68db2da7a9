import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { ReviewDocument } from '../../review-document/review-document';
import { REVIEW_READERS } from '../readers';
import { GetReviewQuery } from './get-review.query';
import { ReviewResponseDto } from './review.response.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('consignments')
export class GetReviewHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/review')
  @Roles(...REVIEW_READERS)
  @ApiOperation({
    summary: 'The whole-process review of a consignment: stages, sources, steps and yields, mass balance, licence, end use, shipment, checks, red flags, timeline',
  })
  @ApiOkResponse({ type: ReviewResponseDto })
  @ApiNotFoundResponse({ description: "No such consignment, or another organisation's" })
  getReview(@Param('id', ParseIdPipe) id: string, @Ctx() ctx: CommandContext): Promise<ReviewDocument> {
    return this.queryBus.execute<GetReviewQuery, ReviewDocument>(new GetReviewQuery(id, ctx.actor));
  }
}
