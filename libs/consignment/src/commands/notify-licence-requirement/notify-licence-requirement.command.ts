import type { CommandContext } from '@ree/shared-kernel';

/**
 * A licensing officer notifies the exporter that this consignment needs a licence whatever the
 * control list says (the catch-all's officer's notice). `noticeId` derives from the operation, so
 * that a retry is recognised.
 */
export class NotifyLicenceRequirementCommand {
  constructor(
    readonly consignmentId: string,
    readonly noticeId: string,
    readonly reason: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
