import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandResult } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { CommandResponse, Ctx, ParseIdPipe } from '@ree/platform/http';
import { CommandContext } from '@ree/shared-kernel';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import { AdoptControlAnnouncementCommand } from './adopt-control-announcement.command';

@ApiTags('control list')
@ApiBearerAuth()
@Controller('control-list/announcements')
export class AdoptControlAnnouncementHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':announcementId/adopt')
  @HttpCode(200)
  @Roles('licensing-officer')
  @ApiOperation({
    summary: 'Adopt a proposed announcement (ControlAnnouncementAdopted); another officer than the proposer',
    description: 'Refused with 422 four-eyes-required (the proposer), announcement-number-taken, or invalid-transition (not a proposal).',
  })
  @ApiOkResponse({ type: CommandResponse })
  async adopt(@Param('announcementId', ParseIdPipe) announcementId: string, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const result = await this.commandBus.execute<AdoptControlAnnouncementCommand, CommandResult<ControlAnnouncementState>>(
      new AdoptControlAnnouncementCommand(announcementId, ctx),
    );
    return CommandResponse.of(announcementId, result);
  }
}
