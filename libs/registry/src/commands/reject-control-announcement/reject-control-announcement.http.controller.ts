import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import { RejectControlAnnouncementCommand } from './reject-control-announcement.command';
import { RejectControlAnnouncementRequestDto } from './reject-control-announcement.request.dto';

@ApiTags('control list')
@ApiBearerAuth()
@Controller('control-list/announcements')
export class RejectControlAnnouncementHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':announcementId/reject')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({ summary: 'Reject a proposed announcement, or withdraw one’s own (ControlAnnouncementRejected); it never counts' })
  @ApiOkResponse({ type: CommandResponse })
  async reject(
    @Param('announcementId', ParseIdPipe) announcementId: string,
    @Body() body: RejectControlAnnouncementRequestDto,
    @Ctx() ctx: CommandContext,
  ): Promise<CommandResponse> {
    const result = await this.commandBus.execute<RejectControlAnnouncementCommand, CommandResult<ControlAnnouncementState>>(
      new RejectControlAnnouncementCommand(announcementId, body.reason, ctx),
    );
    return CommandResponse.of(announcementId, result);
  }
}
