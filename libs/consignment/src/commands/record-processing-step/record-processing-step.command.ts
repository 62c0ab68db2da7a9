import type { CommandContext } from '@ree/shared-kernel';
import type { ProcessingStepRecordedData } from '../../consignment/consignment.events';

/** An exporter records one processing step the material went through, in REO-equivalent kilograms. */
export class RecordProcessingStepCommand {
  constructor(
    readonly consignmentId: string,
    readonly step: ProcessingStepRecordedData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
