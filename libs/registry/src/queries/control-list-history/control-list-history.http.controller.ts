import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ree/platform/auth';
import { ParseIdPipe } from '@ree/platform/http';
import type { ControlAnnouncementRecord } from '../../control-list/control-list.service';
import { ControlAnnouncementResponseDto, ControlListHistoryResponseDto } from '../control-list-on/control-list.response.dto';
import { CONTROL_LIST_READERS } from '../readers';
import type { ControlListHistory } from './control-list-history.handler';
import { ControlListHistoryQuery, GetControlAnnouncementQuery } from './control-list-history.query';

@ApiTags('control list')
@ApiBearerAuth()
@Controller('control-list')
export class ControlListHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('history')
  @Roles(...CONTROL_LIST_READERS)
  @ApiOperation({ summary: 'Every announcement taken in, adopted, pending or rejected, with who proposed and decided it and its changes' })
  @ApiOkResponse({ type: ControlListHistoryResponseDto })
  history(): Promise<ControlListHistory> {
    return this.queryBus.execute<ControlListHistoryQuery, ControlListHistory>(new ControlListHistoryQuery());
  }

  @Get('announcements/:announcementId')
  @Roles(...CONTROL_LIST_READERS)
  @ApiOperation({ summary: 'One announcement taken in, with its status' })
  @ApiOkResponse({ type: ControlAnnouncementResponseDto })
  announcement(@Param('announcementId', ParseIdPipe) announcementId: string): Promise<ControlAnnouncementRecord> {
    return this.queryBus.execute<GetControlAnnouncementQuery, ControlAnnouncementRecord>(new GetControlAnnouncementQuery(announcementId));
  }
}
