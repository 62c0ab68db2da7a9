import { evolveLicence, initialLicenceState, LicenceEvent, LicenceState, suspendLicence, SuspendLicenceCommand } from '@ree/licensing/domain';
import type { Decider } from '@ree/shared-kernel';

/**
 * A licence in force: issued (countersigned), and its validity not over on `now`'s day (UTC),
 * whether or not it has begun. Suspended, revoked, expired, exhausted, rejected and unissued
 * licences are not, nor an issued one whose expiry job has not yet run.
 */
export const inForce = (state: LicenceState, now: Date): boolean =>
  state.status === 'issued' && (state.validUntil === null || now.toISOString().slice(0, 10) <= state.validUntil);

/**
 * The system suspends a licence in force through the licensing context's own `suspendLicence`,
 * which records the job as `suspendedBy`: a person who revokes it later always differs from it,
 * and the revocation stays a second decision after the suspension (four eyes: the system's and
 * the officer's). Quiet on any other licence, since a job has nobody to refuse to: a licence
 * already suspended, revoked or expired keeps its old decisions untouched.
 */
export function suspendInForce(command: SuspendLicenceCommand, state: LicenceState): LicenceEvent[] {
  return inForce(state, command.context.now) ? suspendLicence(command, state) : [];
}

export const suspendInForceDecider: Decider<SuspendLicenceCommand, LicenceState, LicenceEvent> = {
  decide: suspendInForce,
  evolve: evolveLicence,
  initialState: initialLicenceState,
};
