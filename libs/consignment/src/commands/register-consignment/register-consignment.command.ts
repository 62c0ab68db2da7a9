import type { CommandContext } from '@ree/shared-kernel';
import type { ListOnDay } from '../../consignment/classification';
import type { ConsignmentRegisteredData } from '../../consignment/consignment.events';

/** An exporter registers one lot of material it means to export: the tracked unit. */
export class RegisterConsignmentCommand {
  constructor(
    readonly consignment: ConsignmentRegisteredData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/** The registration with the control list in force on its day, read by the handler, so that the decision stays pure. */
export interface ConsignmentRegistration {
  readonly consignment: ConsignmentRegisteredData;
  readonly context: CommandContext;
  readonly list: ListOnDay;
}
