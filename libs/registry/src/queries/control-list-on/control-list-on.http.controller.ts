import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import type { ControlListOnDay } from '../../control-list/control-list.reader';
import { CONTROL_LIST_READERS } from '../readers';
import { ControlListOnQuery, todayUtc } from './control-list-on.query';
import { ControlListOnRequestDto } from './control-list-on.request.dto';
import { ControlListResponseDto } from './control-list.response.dto';

@ApiTags('control list')
@ApiBearerAuth()
@Controller('control-list')
export class ControlListOnHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...CONTROL_LIST_READERS)
  @ApiOperation({ summary: 'The entries in force on a day, each with the adopted announcement behind it (suspensions honoured to the day)' })
  @ApiOkResponse({ type: ControlListResponseDto })
  controlList(@Query() request: ControlListOnRequestDto): Promise<ControlListOnDay> {
    return this.queryBus.execute<ControlListOnQuery, ControlListOnDay>(new ControlListOnQuery(request.asOf ?? todayUtc()));
  }
}
