import type { CommandContext } from '@ree/shared-kernel';
import type { ShipmentInspectedData } from '../../consignment/consignment.events';

/** A customs agent records what the inspection of a declared shipment found. */
export class InspectShipmentCommand {
  constructor(
    readonly consignmentId: string,
    readonly inspection: ShipmentInspectedData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
