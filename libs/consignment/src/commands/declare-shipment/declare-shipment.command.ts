import type { LicenceState } from '@ree/licensing/domain';
import type { CommandContext } from '@ree/shared-kernel';
import type { ShipmentDeclaredData } from '../../consignment/consignment.events';

/** A customs agent lodges the export declaration of a consignment's shipment. */
export class DeclareShipmentCommand {
  constructor(
    readonly consignmentId: string,
    readonly shipment: ShipmentDeclaredData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/**
 * The declaration with the state of the licence the consignment is attached to, read from the
 * licence's stream by the handler (`null` when no licence is attached), so that the decision stays pure.
 */
export interface ShipmentDeclaration {
  readonly consignmentId: string;
  readonly shipment: ShipmentDeclaredData;
  readonly context: CommandContext;
  readonly licence: LicenceState | null;
}
