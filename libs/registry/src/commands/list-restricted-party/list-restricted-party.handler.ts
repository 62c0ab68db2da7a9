import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { restrictedPartyStream, restrictedPartyStreamId } from '../../restricted-party/restricted-party.stream';
import { commandOptions } from '../command-options';
import { ListRestrictedPartyCommand } from './list-restricted-party.command';
import { listRestrictedPartyDecider } from './list-restricted-party.decide';

@CommandHandler(ListRestrictedPartyCommand)
export class ListRestrictedPartyHandler implements ICommandHandler<ListRestrictedPartyCommand, CommandResult<RestrictedPartyState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ListRestrictedPartyCommand): Promise<CommandResult<RestrictedPartyState>> {
    const streamId = restrictedPartyStreamId(command.party.partyId);
    return handleCommand(
      this.store,
      streamId,
      listRestrictedPartyDecider,
      command,
      commandOptions(command.context, streamId, restrictedPartyStream),
    );
  }
}
