import type { CommandContext } from '@ree/shared-kernel';
import type { ConsignmentRegisteredData } from '../../consignment/consignment.events';

/** An exporter registers one lot of material it means to export: the tracked unit. */
export class RegisterConsignmentCommand {
  constructor(
    readonly consignment: ConsignmentRegisteredData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
