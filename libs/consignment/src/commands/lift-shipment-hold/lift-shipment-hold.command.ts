import type { CommandContext } from '@ree/shared-kernel';

/** A customs agent lifts the hold on a shipment, so that it may be released. */
export class LiftShipmentHoldCommand {
  constructor(
    readonly consignmentId: string,
    readonly reason: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
