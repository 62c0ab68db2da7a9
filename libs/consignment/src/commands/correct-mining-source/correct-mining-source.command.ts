import type { CommandContext } from '@ree/shared-kernel';
import type { MiningSourceCorrectedData } from '../../consignment/consignment.events';
import type { MiningSourceInput } from '../../consignment/quota-category';

export type MiningSourceCorrectionInput = MiningSourceInput & { readonly correctsId: string; readonly reason: string };

/** An exporter replaces one of its mining sources with a corrected one; the quota follows the correction. */
export class CorrectMiningSourceCommand {
  constructor(
    readonly consignmentId: string,
    readonly correction: MiningSourceCorrectionInput,
    readonly operationId: string,
    readonly context: CommandContext,
  ) {}
}

/** The command once the handler has settled its quota category from the mine: what the decider decides. */
export interface MiningSourceCorrection {
  readonly consignmentId: string;
  readonly correction: MiningSourceCorrectedData;
  readonly context: CommandContext;
}
