import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { nameBasedUuid } from '@ree/shared-kernel';
import { announcementNumberId, freeAnnouncementNumber, takeAnnouncementNumber } from '../../control-list/announcement-number';
import { AnnouncementNumbers } from '../../control-list/announcement-numbers';
import type { ControlAnnouncementState } from '../../control-list/control-announcement.state';
import { controlAnnouncementStream, controlAnnouncementStreamId } from '../../control-list/control-announcement.stream';
import { commandOptions } from '../command-options';
import { AdoptControlAnnouncementCommand } from './adopt-control-announcement.command';
import { adoptControlAnnouncementDecider } from './adopt-control-announcement.decide';

/**
 * Completes the command from the proposal's number stream (which announcement's adoption holds the
 * number), decides, then takes the number on its stream before appending the adoption (the
 * reservation pattern): two adoptions of one number at once cannot both pass. When the
 * announcement refuses after the number was taken (a rejection in between), the number is freed.
 */
@CommandHandler(AdoptControlAnnouncementCommand)
export class AdoptControlAnnouncementHandler implements ICommandHandler<AdoptControlAnnouncementCommand, CommandResult<ControlAnnouncementState>> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly numbers: AnnouncementNumbers,
  ) {}

  execute(command: AdoptControlAnnouncementCommand): Promise<CommandResult<ControlAnnouncementState>> {
    const { announcementId } = command;
    const streamId = controlAnnouncementStreamId(announcementId);
    return handleCommand(
      this.store,
      streamId,
      adoptControlAnnouncementDecider,
      { from: async (state: ControlAnnouncementState) => ({ ...command, adoptedAs: state.proposal ? await this.numbers.takenBy(state.proposal.number) : null }) },
      {
        ...commandOptions(command.context, streamId, controlAnnouncementStream),
        reserving: {
          // Adopting an announcement is done once, whoever retries it: the operation is the announcement's adoption.
          operationId: nameBasedUuid(`registry/control-announcement/${announcementId}/adoption`),
          reservations: ({ proposal }) =>
            proposal
              ? [
                  this.numbers.reserve(announcementNumberId(proposal.number), {
                    decide: takeAnnouncementNumber(proposal.number, announcementId),
                    giveBack: freeAnnouncementNumber(announcementId, 'the adoption was refused after the number was taken'),
                  }),
                ]
              : [],
        },
      },
    );
  }
}
