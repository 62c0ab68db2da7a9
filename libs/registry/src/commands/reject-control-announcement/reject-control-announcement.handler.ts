import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import { controlAnnouncementStream, controlAnnouncementStreamId } from '../../control-list/control-announcement.stream';
import { commandOptions } from '../command-options';
import { RejectControlAnnouncementCommand } from './reject-control-announcement.command';
import { rejectControlAnnouncementDecider } from './reject-control-announcement.decide';

@CommandHandler(RejectControlAnnouncementCommand)
export class RejectControlAnnouncementHandler implements ICommandHandler<RejectControlAnnouncementCommand, CommandResult<ControlAnnouncementState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RejectControlAnnouncementCommand): Promise<CommandResult<ControlAnnouncementState>> {
    const streamId = controlAnnouncementStreamId(command.announcementId);
    return handleCommand(this.store, streamId, rejectControlAnnouncementDecider, command, commandOptions(command.context, streamId, controlAnnouncementStream));
  }
}
