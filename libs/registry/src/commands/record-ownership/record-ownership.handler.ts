import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { OwnershipState } from '../../ownership/ownership.state';
import { ownershipStream, ownershipStreamId } from '../../ownership/ownership.stream';
import { commandOptions } from '../command-options';
import { RecordOwnershipCommand } from './record-ownership.command';
import { recordOwnershipDecider } from './record-ownership.decide';

@CommandHandler(RecordOwnershipCommand)
export class RecordOwnershipHandler implements ICommandHandler<RecordOwnershipCommand, CommandResult<OwnershipState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordOwnershipCommand): Promise<CommandResult<OwnershipState>> {
    const streamId = ownershipStreamId(command.fact.factId);
    return handleCommand(this.store, streamId, recordOwnershipDecider, command, commandOptions(command.context, streamId, ownershipStream));
  }
}
