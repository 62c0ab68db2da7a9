import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import type { ScreeningResult } from '../../screening/screening.service';
import { RESTRICTED_LIST_READERS } from '../readers';
import { ScreenNameQuery } from './screen-name.query';
import { ScreenNameRequestDto } from './screen-name.request.dto';
import { ScreeningResponseDto } from './screening.response.dto';

@ApiTags('registries')
@ApiBearerAuth()
@Controller('screening')
export class ScreenNameHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...RESTRICTED_LIST_READERS)
  @ApiOperation({ summary: 'Matches of a name against every restricted list, best first: fuzzy on the name, and, with a country, through the ownership registry (a chain of holdings ≥ 50 %)' })
  @ApiOkResponse({ type: ScreeningResponseDto })
  screenName(@Query() request: ScreenNameRequestDto): Promise<ScreeningResult> {
    return this.queryBus.execute<ScreenNameQuery, ScreeningResult>(new ScreenNameQuery(request.name, request.country));
  }
}
