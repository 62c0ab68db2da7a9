import type { CommandContext } from '@ree/shared-kernel';
import type { ShipmentArrivedData } from '../../consignment/consignment.events';

/** A customs agent records the shipment's confirmed arrival at its destination. */
export class RecordArrivalCommand {
  constructor(
    readonly consignmentId: string,
    readonly arrival: ShipmentArrivedData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
