import type { CommandContext } from '@ree/shared-kernel';

/** A customs agent stops a declared shipment from being released until the hold is lifted. */
export class HoldShipmentCommand {
  constructor(
    readonly consignmentId: string,
    readonly reason: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
