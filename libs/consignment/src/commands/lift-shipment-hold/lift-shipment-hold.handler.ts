import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult, EVENT_STORE, EventStore, handleCommand } from '@ree/event-store';
import { ConsignmentState } from '../../consignment/consignment.state';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { consignmentOptions } from '../command-options';
import { LiftShipmentHoldCommand } from './lift-shipment-hold.command';
import { liftShipmentHoldDecider } from './lift-shipment-hold.decide';

@CommandHandler(LiftShipmentHoldCommand)
export class LiftShipmentHoldHandler implements ICommandHandler<LiftShipmentHoldCommand, CommandResult<ConsignmentState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: LiftShipmentHoldCommand): Promise<CommandResult<ConsignmentState>> {
    const streamId = consignmentStreamId(command.consignmentId);
    return handleCommand(this.store, streamId, liftShipmentHoldDecider, command, consignmentOptions(command.context, streamId, command.operationId));
  }
}
