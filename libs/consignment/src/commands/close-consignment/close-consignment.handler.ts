import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { CloseConsignmentCommand } from './close-consignment.command';
import { closeConsignmentDecider } from './close-consignment.decide';

@CommandHandler(CloseConsignmentCommand)
export class CloseConsignmentHandler implements ICommandHandler<CloseConsignmentCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: CloseConsignmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, closeConsignmentDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
