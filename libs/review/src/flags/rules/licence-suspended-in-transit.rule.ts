import type { Flag } from '../flag';
import type { FlagState } from '../flag-state';

/**
 * LICENCE_SUSPENDED_IN_TRANSIT (high): the licence was suspended or revoked between the shipment's
 * declaration and its arrival. A reinstatement before arrival clears a suspension (the officers put
 * the authorisation back in force while the goods travelled); a revocation is never cleared, and an
 * arrival does not clear it either: the goods did travel without a licence in force.
 */
export function licenceSuspendedInTransit(state: FlagState): Flag[] {
  const standing = state.licenceInterruptions.filter((interruption) => !interruption.lifted);
  if (standing.length === 0) return [];
  const detail =
    'The licence was ' +
    standing.map((interruption) => `${interruption.kind} (${interruption.reason})`).join(', then ') +
    ' while the shipment was between declaration and arrival.';
  return [{ code: 'LICENCE_SUSPENDED_IN_TRANSIT', severity: 'high', detail, key: 'LICENCE_SUSPENDED_IN_TRANSIT' }];
}
