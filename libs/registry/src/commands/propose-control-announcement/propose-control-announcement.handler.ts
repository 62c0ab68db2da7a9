import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import { controlAnnouncementStream, controlAnnouncementStreamId } from '../../control-list/control-announcement.stream';
import { AnnouncementNumbers } from '../../control-list/announcement-numbers';
import { commandOptions } from '../command-options';
import { ProposeControlAnnouncementCommand } from './propose-control-announcement.command';
import { proposeControlAnnouncementDecider } from './propose-control-announcement.decide';

/** Reads whether the number is adopted already (from the number's own stream), then decides. */
@CommandHandler(ProposeControlAnnouncementCommand)
export class ProposeControlAnnouncementHandler implements ICommandHandler<ProposeControlAnnouncementCommand, CommandResult<ControlAnnouncementState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly numbers: AnnouncementNumbers,
  ) {}

  async execute(command: ProposeControlAnnouncementCommand): Promise<CommandResult<ControlAnnouncementState>> {
    const streamId = controlAnnouncementStreamId(command.announcementId);
    const adoptedAs = await this.numbers.takenBy(command.announcement.number);
    return handleCommand(
      this.store,
      streamId,
      proposeControlAnnouncementDecider,
      { ...command, adoptedAs },
      commandOptions(command.context, streamId, controlAnnouncementStream),
    );
  }
}
