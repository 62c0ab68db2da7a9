import type { Flag, FlagChanges } from './flag';
import { daysAfter, DEFAULT_FLAG_POLICY, FlagPolicy } from './flag-policy';
import type { FlagState } from './flag-state';
import { arrivalNotConfirmed } from './rules/arrival-not-confirmed.rule';
import { endUseCheckOverdue } from './rules/end-use-check-overdue.rule';
import { endUseViolation } from './rules/end-use-violation.rule';
import { hsCodeMismatch } from './rules/hs-code-mismatch.rule';
import { licenceSuspendedInTransit } from './rules/licence-suspended-in-transit.rule';
import { lowYield } from './rules/low-yield.rule';
import { sourceShortfall } from './rules/source-shortfall.rule';
import { weightDiscrepancy } from './rules/weight-discrepancy.rule';

/**
 * The flags that follow from the events alone (EVENT_FLAG_CODES): the review fold evaluates these
 * after each event, so that a flag is raised and cleared at an event's recorded time and never at
 * the time someone happened to look.
 */
export function evaluateEventFlags(state: FlagState, policy: FlagPolicy = DEFAULT_FLAG_POLICY): Flag[] {
  return [
    ...sourceShortfall(state),
    ...lowYield(state, policy),
    ...weightDiscrepancy(state),
    ...licenceSuspendedInTransit(state),
    ...endUseViolation(state),
    ...hsCodeMismatch(state),
  ];
}

/**
 * Every flag in force on a consignment at `now`: the event-based ones and the two that need the
 * clock, ARRIVAL_NOT_CONFIRMED and END_USE_CHECK_OVERDUE, which a job evaluates at its own run
 * time. A cancelled consignment carries no time-based flag.
 */
export function evaluateFlags(state: FlagState, now: Date, policy: FlagPolicy = DEFAULT_FLAG_POLICY): Flag[] {
  const timed = state.cancelled ? [] : [...arrivalNotConfirmed(state, now, policy), ...endUseCheckOverdue(state, now, policy)];
  return [...evaluateEventFlags(state, policy), ...timed];
}

/** Compares two evaluations by `key`: a flag whose detail changed counts as raised again (its row is rewritten). */
export function flagChanges(before: readonly Flag[], after: readonly Flag[]): FlagChanges {
  const was = new Map(before.map((flag) => [flag.key, flag]));
  const now = new Set(after.map((flag) => flag.key));
  return {
    raised: after.filter((flag) => was.get(flag.key)?.detail !== flag.detail),
    cleared: before.filter((flag) => !now.has(flag.key)),
  };
}

/**
 * When a job should next evaluate the time-based flags, or null when nothing is pending: the
 * arrival deadline while departed and not arrived, the end-use-check deadline while arrived and unchecked.
 */
export function nextFlagDueAt(state: FlagState, policy: FlagPolicy = DEFAULT_FLAG_POLICY): Date | null {
  if (state.cancelled) return null;
  if (state.departedAt !== null && state.arrivedAt === null) return daysAfter(state.departedAt, policy.arrivalDueDays);
  if (state.arrivedAt !== null && state.endUseChecks.length === 0) return daysAfter(state.arrivedAt, policy.endUseCheckDueDays);
  return null;
}
