import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { InspectShipmentCommand } from './inspect-shipment.command';
import { inspectShipmentDecider } from './inspect-shipment.decide';

@CommandHandler(InspectShipmentCommand)
export class InspectShipmentHandler implements ICommandHandler<InspectShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: InspectShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, inspectShipmentDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
