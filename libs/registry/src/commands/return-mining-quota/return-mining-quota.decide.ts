import { type Decider, NotFound, toKilograms } from '@ree/shared-kernel';
import { MINING_QUOTA_RETURNED, MineEvent } from '../../mine/mine.events';
import { evolveMine, initialMineState, MineState, quotaKey } from '../../mine/mine.state';
import { ReturnMiningQuotaCommand } from './return-mining-quota.command';

/**
 * Gives back the whole of one declaration's draw, as the mine recorded it. A declaration that
 * never drew, or whose draw is already returned, decides nothing: returns are repeated safely by
 * retries and by the reconciliation job.
 */
export function returnMiningQuota(command: ReturnMiningQuotaCommand, state: MineState): MineEvent[] {
  if (!state.registration) throw new NotFound('Mine', command.mineId);
  const { year, category, consignmentId, declarationId, reason } = command;
  const draw = state.quotas[quotaKey(year, category)]?.draws[declarationId];
  if (!draw || draw.drawnGrams === 0 || draw.returnedGrams >= draw.drawnGrams) return [];
  return [
    {
      type: MINING_QUOTA_RETURNED,
      data: { year, category, kgReo: toKilograms(draw.drawnGrams), consignmentId, declarationId, reason },
    },
  ];
}

export const returnMiningQuotaDecider: Decider<ReturnMiningQuotaCommand, MineState, MineEvent> = {
  decide: returnMiningQuota,
  evolve: evolveMine,
  initialState: initialMineState,
};
