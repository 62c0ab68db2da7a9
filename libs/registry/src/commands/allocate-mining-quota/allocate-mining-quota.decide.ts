import { type Decider, NotFound } from '@ree/shared-kernel';
import { MINING_QUOTA_ALLOCATED, MineEvent } from '../../mine/mine.events';
import { evolveMine, initialMineState, MineState } from '../../mine/mine.state';
import { AllocateMiningQuotaCommand } from './allocate-mining-quota.command';

/**
 * Quotas are allocated to registered mines only. A new batch for a year and category adds to
 * the batches before it (China issues each year's quota in batches); the same batch sent again
 * (same allocation id, from the same idempotency key) is accepted quietly.
 */
export function allocateMiningQuota(command: AllocateMiningQuotaCommand, state: MineState): MineEvent[] {
  if (!state.registration) throw new NotFound('Mine', command.mineId);
  if (state.allocationIds.includes(command.allocation.allocationId)) return [];
  return [{ type: MINING_QUOTA_ALLOCATED, data: { ...command.allocation } }];
}

export const allocateMiningQuotaDecider: Decider<AllocateMiningQuotaCommand, MineState, MineEvent> = {
  decide: allocateMiningQuota,
  evolve: evolveMine,
  initialState: initialMineState,
};
