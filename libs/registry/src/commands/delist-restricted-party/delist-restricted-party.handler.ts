import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { restrictedPartyStream, restrictedPartyStreamId } from '../../restricted-party/restricted-party.stream';
import { commandOptions } from '../command-options';
import { DelistRestrictedPartyCommand } from './delist-restricted-party.command';
import { delistRestrictedPartyDecider } from './delist-restricted-party.decide';

@CommandHandler(DelistRestrictedPartyCommand)
export class DelistRestrictedPartyHandler implements ICommandHandler<DelistRestrictedPartyCommand, CommandResult<RestrictedPartyState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DelistRestrictedPartyCommand): Promise<CommandResult<RestrictedPartyState>> {
    const streamId = restrictedPartyStreamId(command.partyId);
    return handleCommand(
      this.store,
      streamId,
      delistRestrictedPartyDecider,
      command,
      commandOptions(command.context, streamId, restrictedPartyStream),
    );
  }
}
