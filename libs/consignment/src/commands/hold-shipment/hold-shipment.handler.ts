import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { HoldShipmentCommand } from './hold-shipment.command';
import { holdShipmentDecider } from './hold-shipment.decide';

@CommandHandler(HoldShipmentCommand)
export class HoldShipmentHandler implements ICommandHandler<HoldShipmentCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: HoldShipmentCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, holdShipmentDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
