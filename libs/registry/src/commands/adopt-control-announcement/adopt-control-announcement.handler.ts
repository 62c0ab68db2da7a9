import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import { controlAnnouncementStream, controlAnnouncementStreamId } from '../../control-list/control-announcement.stream';
import { ControlListService } from '../../control-list/control-list.service';
import { commandOptions } from '../command-options';
import { AdoptControlAnnouncementCommand } from './adopt-control-announcement.command';
import { adoptControlAnnouncementDecider } from './adopt-control-announcement.decide';

/** Completes the command from the stream's state: whether the proposal's number is adopted already (the read model). */
@CommandHandler(AdoptControlAnnouncementCommand)
export class AdoptControlAnnouncementHandler implements ICommandHandler<AdoptControlAnnouncementCommand, CommandResult<ControlAnnouncementState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly controlList: ControlListService,
  ) {}

  execute(command: AdoptControlAnnouncementCommand): Promise<CommandResult<ControlAnnouncementState>> {
    const streamId = controlAnnouncementStreamId(command.announcementId);
    return handleCommand(
      this.store,
      streamId,
      adoptControlAnnouncementDecider,
      { from: async (state: ControlAnnouncementState) => ({ ...command, adoptedAs: state.proposal ? await this.controlList.adoptedAs(state.proposal.number) : null }) },
      commandOptions(command.context, streamId, controlAnnouncementStream),
    );
  }
}
