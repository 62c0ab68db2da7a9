import type { Flag } from '../flag';
import { daysAfter, FlagPolicy } from '../flag-policy';
import type { FlagState } from '../flag-state';

/**
 * END_USE_CHECK_OVERDUE (medium): arrived, and `now` is at least `endUseCheckDueDays` after arrival
 * with no end-use check recorded. Any check clears it, whatever its outcome (a bad outcome is
 * END_USE_VIOLATION's business).
 */
export function endUseCheckOverdue(state: FlagState, now: Date, policy: FlagPolicy): Flag[] {
  if (state.arrivedAt === null || state.endUseChecks.length > 0) return [];
  const due = daysAfter(state.arrivedAt, policy.endUseCheckDueDays);
  if (now.getTime() < due.getTime()) return [];
  const detail = `Arrived ${state.arrivedAt}; no end-use check recorded within ${policy.endUseCheckDueDays} days (due ${due.toISOString()}).`;
  return [{ code: 'END_USE_CHECK_OVERDUE', severity: 'medium', detail, key: 'END_USE_CHECK_OVERDUE' }];
}
