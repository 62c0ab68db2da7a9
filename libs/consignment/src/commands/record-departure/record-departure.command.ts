import type { CommandContext } from '@ree/shared-kernel';
import type { ShipmentDepartedData } from '../../consignment/consignment.events';

/** A customs agent records that the released shipment left the country. */
export class RecordDepartureCommand {
  constructor(
    readonly consignmentId: string,
    readonly departure: ShipmentDepartedData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
