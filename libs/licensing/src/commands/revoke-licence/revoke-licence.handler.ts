import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { LicenceState } from '../../licence/licence.state';
import { licenceStreamId } from '../../licence/licence.stream';
import { commandOptions } from '../command-options';
import { RevokeLicenceCommand } from './revoke-licence.command';
import { revokeLicenceDecider } from './revoke-licence.decide';

@CommandHandler(RevokeLicenceCommand)
export class RevokeLicenceHandler implements ICommandHandler<RevokeLicenceCommand, CommandResult<LicenceState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RevokeLicenceCommand): Promise<CommandResult<LicenceState>> {
    const streamId = licenceStreamId(command.licenceId);
    return handleCommand(this.store, streamId, revokeLicenceDecider, command, commandOptions(command.context, streamId));
  }
}
