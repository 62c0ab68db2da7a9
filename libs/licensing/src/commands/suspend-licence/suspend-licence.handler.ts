import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { LicenceState } from '../../licence/licence.state';
import { licenceStreamId } from '../../licence/licence.stream';
import { commandOptions } from '../command-options';
import { SuspendLicenceCommand } from './suspend-licence.command';
import { suspendLicenceDecider } from './suspend-licence.decide';

@CommandHandler(SuspendLicenceCommand)
export class SuspendLicenceHandler implements ICommandHandler<SuspendLicenceCommand, CommandResult<LicenceState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: SuspendLicenceCommand): Promise<CommandResult<LicenceState>> {
    const streamId = licenceStreamId(command.licenceId);
    return handleCommand(this.store, streamId, suspendLicenceDecider, command, commandOptions(command.context, streamId));
  }
}
