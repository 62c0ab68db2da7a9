import type { Flag } from '../flag';
import { daysAfter, FlagPolicy } from '../flag-policy';
import type { FlagState } from '../flag-state';

/**
 * ARRIVAL_NOT_CONFIRMED (medium): departed, and `now` is at least `arrivalDueDays` after departure
 * with no arrival. Time comes in as an argument (a job evaluates it); an arrival clears it.
 */
export function arrivalNotConfirmed(state: FlagState, now: Date, policy: FlagPolicy): Flag[] {
  if (state.departedAt === null || state.arrivedAt !== null) return [];
  const due = daysAfter(state.departedAt, policy.arrivalDueDays);
  if (now.getTime() < due.getTime()) return [];
  const detail = `Departed ${state.departedAt}; no arrival confirmed within ${policy.arrivalDueDays} days (due ${due.toISOString()}).`;
  return [{ code: 'ARRIVAL_NOT_CONFIRMED', severity: 'medium', detail, key: 'ARRIVAL_NOT_CONFIRMED' }];
}
