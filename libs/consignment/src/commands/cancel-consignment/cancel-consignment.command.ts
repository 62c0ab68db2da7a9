import type { CommandContext } from '@ree/shared-kernel';

/** An exporter withdraws its consignment before customs releases it; the quota it drew is given back. */
export class CancelConsignmentCommand {
  constructor(
    readonly consignmentId: string,
    readonly reason: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
