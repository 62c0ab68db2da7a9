import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { OwnershipState } from '../../ownership/ownership.state';
import { ownershipStream, ownershipStreamId } from '../../ownership/ownership.stream';
import { commandOptions } from '../command-options';
import { EndOwnershipCommand } from './end-ownership.command';
import { endOwnershipDecider } from './end-ownership.decide';

@CommandHandler(EndOwnershipCommand)
export class EndOwnershipHandler implements ICommandHandler<EndOwnershipCommand, CommandResult<OwnershipState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: EndOwnershipCommand): Promise<CommandResult<OwnershipState>> {
    const streamId = ownershipStreamId(command.factId);
    return handleCommand(this.store, streamId, endOwnershipDecider, command, commandOptions(command.context, streamId, ownershipStream));
  }
}
