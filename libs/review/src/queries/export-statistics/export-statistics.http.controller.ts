import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { Ctx } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import { REVIEW_READERS } from '../readers';
import { ExportStatisticsQuery } from './export-statistics.query';
import { ExportStatisticsRequestDto } from './export-statistics.request.dto';
import { ExportStatisticsResponseDto } from './export-statistics.response.dto';

@ApiTags('review')
@ApiBearerAuth()
@Controller('statistics')
export class ExportStatisticsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('exports')
  @Roles(...REVIEW_READERS)
  @ApiOperation({
    summary: 'Shipped kilograms and consignments released by customs between two days (both included), by month, element, destination or HS code; an exporter sees only its own',
  })
  @ApiOkResponse({ type: ExportStatisticsResponseDto })
  exportStatistics(@Query() request: ExportStatisticsRequestDto, @Ctx() ctx: CommandContext): Promise<ExportStatisticsResponseDto> {
    return this.queryBus.execute<ExportStatisticsQuery, ExportStatisticsResponseDto>(
      new ExportStatisticsQuery(request.groupBy, ctx.actor, request.from, request.to),
    );
  }
}
