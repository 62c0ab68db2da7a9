import type { CommandContext } from '@ree/shared-kernel';
import type { ProcessingStepCorrectedData } from '../../consignment/consignment.events';

/** An exporter replaces one of its processing steps with a corrected one; the original stays in the history. */
export class CorrectProcessingStepCommand {
  constructor(
    readonly consignmentId: string,
    readonly correction: ProcessingStepCorrectedData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
