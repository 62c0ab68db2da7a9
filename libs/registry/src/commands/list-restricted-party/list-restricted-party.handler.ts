import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { DomainRuleViolation, fold } from '@ree/shared-kernel';
import { referenceList } from '../../restricted-list/reference-lists';
import { evolveRestrictedList, initialRestrictedListState } from '../../restricted-list/restricted-list.state';
import { restrictedListStream } from '../../restricted-list/restricted-list.stream';
import { RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { restrictedPartyStream, restrictedPartyStreamId } from '../../restricted-party/restricted-party.stream';
import { commandOptions } from '../command-options';
import { ListRestrictedPartyCommand } from './list-restricted-party.command';
import { listRestrictedPartyDecider } from './list-restricted-party.decide';

@CommandHandler(ListRestrictedPartyCommand)
export class ListRestrictedPartyHandler implements ICommandHandler<ListRestrictedPartyCommand, CommandResult<RestrictedPartyState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: ListRestrictedPartyCommand): Promise<CommandResult<RestrictedPartyState>> {
    if (command.party.listId !== undefined) await this.mustBeDefined(command.party.listId);
    const streamId = restrictedPartyStreamId(command.party.partyId);
    return handleCommand(
      this.store,
      streamId,
      listRestrictedPartyDecider,
      command,
      commandOptions(command.context, streamId, restrictedPartyStream),
    );
  }

  /** `restricted-list-unknown`: a party goes on a list that exists (a list is never removed, so the check holds after it). */
  private async mustBeDefined(listId: string): Promise<void> {
    if (referenceList(listId)) return;
    const events = restrictedListStream.domainEvents(await this.store.readStream(restrictedListStream.streamId(listId)));
    const state = fold({ evolve: evolveRestrictedList, initialState: initialRestrictedListState }, events);
    if (state.definition === null) throw new DomainRuleViolation('restricted-list-unknown', `There is no restricted list ${listId}`);
  }
}
