import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { ParseIdPipe } from '@ree/platform/http';
import { AUDIT_READERS } from '../../readers';
import { GetConsignmentHistoryQuery } from './get-consignment-history.query';
import { GetConsignmentHistoryRequestDto } from './get-consignment-history.request.dto';
import { ConsignmentHistoryResponseDto } from './get-consignment-history.response.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('consignments')
export class GetConsignmentHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/history')
  @Roles(...AUDIT_READERS)
  @ApiOperation({
    summary: "A consignment's history as of any point: its events and its licence's and mines', in global order, with the review document as it stood then",
  })
  @ApiOkResponse({ type: ConsignmentHistoryResponseDto })
  @ApiBadRequestResponse({ description: 'asOf is not an instant with a zone, or untilRevision is not a whole number ≥ 0' })
  @ApiNotFoundResponse({ description: 'No such consignment' })
  getHistory(@Param('id', ParseIdPipe) id: string, @Query() request: GetConsignmentHistoryRequestDto): Promise<ConsignmentHistoryResponseDto> {
    const { asOf, untilRevision } = request;
    return this.queryBus.execute<GetConsignmentHistoryQuery, ConsignmentHistoryResponseDto>(new GetConsignmentHistoryQuery(id, { asOf, untilRevision }));
  }
}
