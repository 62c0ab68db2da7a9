import type { CommandContext } from '@ree/shared-kernel';
import type { EndUseCheckRecordedData } from '../../consignment/consignment.events';

/** A licensing officer records a post-shipment check of the goods' end use. */
export class RecordEndUseCheckCommand {
  constructor(
    readonly consignmentId: string,
    readonly check: EndUseCheckRecordedData,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}
