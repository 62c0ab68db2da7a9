import type { CommandContext } from '@ree/shared-kernel';
import type { MiningQuotaAllocatedData } from '../../mine/mine.events';

/** A licensing officer allocates one batch of a mine's annual quota in one category. */
export class AllocateMiningQuotaCommand {
  constructor(
    readonly mineId: string,
    readonly allocation: MiningQuotaAllocatedData,
    readonly context: CommandContext,
  ) {}
}
