import type { LicenceState } from '@ree/licensing/domain';
import type { CommandContext } from '@ree/shared-kernel';

/** A customs agent releases a declared shipment for export; the licence records what it carries. */
export class ReleaseShipmentCommand {
  constructor(
    readonly consignmentId: string,
    readonly releasedOn: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/** The release with the state of the consignment's licence, read from the licence's stream by the handler. */
export interface ShipmentRelease {
  readonly consignmentId: string;
  readonly releasedOn: string;
  readonly context: CommandContext;
  readonly licence: LicenceState | null;
}
