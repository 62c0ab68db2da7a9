import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import type { LicenceState } from '../../licence/licence.state';
import { licenceStreamId } from '../../licence/licence.stream';
import { commandOptions } from '../command-options';
import { RejectLicenceCommand } from './reject-licence.command';
import { rejectLicenceDecider } from './reject-licence.decide';

@CommandHandler(RejectLicenceCommand)
export class RejectLicenceHandler implements ICommandHandler<RejectLicenceCommand, CommandResult<LicenceState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RejectLicenceCommand): Promise<CommandResult<LicenceState>> {
    const streamId = licenceStreamId(command.licenceId);
    return handleCommand(this.store, streamId, rejectLicenceDecider, command, commandOptions(command.context, streamId));
  }
}
