import type { LicenceState } from '@ree/licensing/domain';
import type { CommandContext } from '@ree/shared-kernel';
import type { EndUserMatch, ListOnDay } from '../../consignment/classification';
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
 * The declaration with what the handler read so that the decision stays pure: the state of the
 * licence the consignment is attached to, from the licence's stream (`null` when no licence is
 * attached); the control list in force on `declaredOn`; the end user's matches on the restricted lists.
 * `shipment.controlRemark` is the remark the declaration states, if it states one.
 */
export interface ShipmentDeclaration {
  readonly consignmentId: string;
  readonly shipment: ShipmentDeclaredData;
  readonly context: CommandContext;
  readonly licence: LicenceState | null;
  readonly list: ListOnDay;
  readonly endUserMatches: readonly EndUserMatch[];
}
