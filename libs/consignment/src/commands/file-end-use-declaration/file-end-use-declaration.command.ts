import type { CommandContext } from '@ree/shared-kernel';
import type { EndUseDeclarationFiledData, Party } from '../../consignment/consignment.events';

/** An exporter files the end user's signed declaration for its consignment. */
export class FileEndUseDeclarationCommand {
  constructor(
    readonly consignmentId: string,
    readonly declaration: EndUseDeclarationFiledData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/** The command with the end user of the attached licence, read by the handler: what the decider decides. */
export interface EndUseDeclarationFiling {
  readonly consignmentId: string;
  readonly declaration: EndUseDeclarationFiledData;
  /** `null` while no licence is attached. */
  readonly licensedEndUser: Party | null;
  readonly context: CommandContext;
}
