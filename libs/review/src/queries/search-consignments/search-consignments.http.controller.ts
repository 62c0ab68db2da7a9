import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { Ctx, DEFAULT_LIMIT } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { REVIEW_READERS } from '../readers';
import { rangeEndOf, rangeStartOf } from '../time-range';
import { ConsignmentPageResponseDto } from './consignment-summary.response.dto';
import { SearchConsignmentsQuery } from './search-consignments.query';
import { SearchConsignmentsRequestDto } from './search-consignments.request.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('consignments')
export class SearchConsignmentsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...REVIEW_READERS)
  @ApiOperation({
    summary: "The reviewers' search: consignments newest registered first, by status, open red flag, severity, exporter, destination, element, control code, controlled or not, and registration time; an exporter sees only its own",
  })
  @ApiOkResponse({ type: ConsignmentPageResponseDto })
  search(@Query() request: SearchConsignmentsRequestDto, @Ctx() ctx: CommandContext): Promise<ConsignmentPageResponseDto> {
    const { status, flag, severity, exporterOrg, destinationCountry, element, controlCode, controlled, from, to, limit = DEFAULT_LIMIT, cursor } = request;
    const filter = {
      status,
      flag,
      severity,
      exporterOrg,
      destinationCountry,
      element,
      controlCode,
      controlled: controlled === undefined ? undefined : controlled === 'true',
      registeredFrom: from === undefined ? undefined : rangeStartOf(from),
      registeredBefore: to === undefined ? undefined : rangeEndOf(to),
    };
    return this.queryBus.execute<SearchConsignmentsQuery, ConsignmentPageResponseDto>(new SearchConsignmentsQuery(filter, ctx.actor, limit, cursor));
  }
}
