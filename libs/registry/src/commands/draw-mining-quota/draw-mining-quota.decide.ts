import { type Decider, DomainRuleViolation, NotFound, toGrams, toKilograms } from '@ree/shared-kernel';
import { MINING_QUOTA_DRAWN, MineEvent } from '../../mine/mine.events';
import { evolveMine, initialMineState, MineState, remainingQuotaGrams } from '../../mine/mine.state';
import { DrawMiningQuotaCommand } from './draw-mining-quota.command';

/** Whether any quota of the mine already holds a draw for this declaration. */
const alreadyDrawn = (state: MineState, declarationId: string): boolean =>
  Object.values(state.quotas).some((quota) => quota.draws[declarationId] !== undefined);

/**
 * `quota-exceeded`: the sum drawn on a mine's quota for a year and category never exceeds what
 * was allocated, exact to the gram. The same declaration drawn again (a retried command) decides
 * nothing, so a retry completes the consignment side instead of drawing twice.
 */
export function drawMiningQuota(command: DrawMiningQuotaCommand, state: MineState): MineEvent[] {
  if (!state.registration) throw new NotFound('Mine', command.mineId);
  if (alreadyDrawn(state, command.declarationId)) return [];
  const { year, category, kgReo, consignmentId, declarationId } = command;
  const remaining = remainingQuotaGrams(state, year, category);
  if (toGrams(kgReo) > remaining) {
    throw new DomainRuleViolation(
      'quota-exceeded',
      `Mine ${command.mineId} has ${toKilograms(Math.max(0, remaining))} kg REO of its ${year} ${category} quota left; ${kgReo} kg REO were declared`,
    );
  }
  return [{ type: MINING_QUOTA_DRAWN, data: { year, category, kgReo, consignmentId, declarationId } }];
}

export const drawMiningQuotaDecider: Decider<DrawMiningQuotaCommand, MineState, MineEvent> = {
  decide: drawMiningQuota,
  evolve: evolveMine,
  initialState: initialMineState,
};
