import type { Decider } from '@ree/shared-kernel';
import { expireLicence } from '../commands/expire-licence/expire-licence.decide';
import type { ExpireLicenceCommand } from '../commands/expire-licence/expire-licence.command';
import type { LicenceEvent } from '../licence/licence.events';
import { dayOf } from '../licence/licence.quantities';
import { evolveLicence, initialLicenceState, LicenceState, LicenceStatus } from '../licence/licence.state';

/** The statuses a licence can expire from; every other one is not yet approved or already ended. */
const EXPIRABLE: readonly LicenceStatus[] = ['approved', 'issued', 'suspended'];

/** True while the licence can still expire and its validity has not ended at `now` (its last day included). */
export const expiresLater = (state: LicenceState, now: Date): boolean =>
  EXPIRABLE.includes(state.status) && state.validUntil !== null && dayOf(now) <= state.validUntil;

/**
 * The expiry job's decision at the job's own time: `LicenceExpired` once the validity has
 * ended, through `expireLicence`. Quiet where that decider would refuse, since a job has nobody
 * to refuse to: a licence already revoked, rejected, expired or exhausted stays as it is, and one
 * still valid (a job run early) is left for its worker to run again when due.
 */
export function expireWhenDue(command: ExpireLicenceCommand, state: LicenceState): LicenceEvent[] {
  if (!EXPIRABLE.includes(state.status) || expiresLater(state, command.now)) return [];
  return expireLicence(command, state);
}

export const expireWhenDueDecider: Decider<ExpireLicenceCommand, LicenceState, LicenceEvent> = {
  decide: expireWhenDue,
  evolve: evolveLicence,
  initialState: initialLicenceState,
};
