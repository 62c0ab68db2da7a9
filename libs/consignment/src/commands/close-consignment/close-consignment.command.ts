import type { CommandContext } from '@ree/shared-kernel';

/** A licensing officer closes a consignment's file once its end use has been checked. */
export class CloseConsignmentCommand {
  constructor(
    readonly consignmentId: string,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
