import type { Flag } from '../flag';
import type { FlagState } from '../flag-state';

/**
 * END_USE_VIOLATION (critical): the latest end-use check found the material `not-verified` or
 * `diverted`. A later check that verifies the end use clears it; the failed check stays in the
 * history and the timeline.
 */
export function endUseViolation(state: FlagState): Flag[] {
  const latest = state.endUseChecks[state.endUseChecks.length - 1];
  if (!latest || latest.outcome === 'verified') return [];
  const detail = `The end-use check of ${latest.checkedOn} found the end use ${latest.outcome}: ${latest.notes}`;
  return [{ code: 'END_USE_VIOLATION', severity: 'critical', detail, key: 'END_USE_VIOLATION' }];
}
