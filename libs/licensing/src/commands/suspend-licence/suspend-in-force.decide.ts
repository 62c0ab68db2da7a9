import type { Decider } from '@ree/shared-kernel';
import type { LicenceEvent } from '../../licence/licence.events';
import { isInForceOn } from '../../licence/licence.quantities';
import { evolveLicence, initialLicenceState, LicenceState } from '../../licence/licence.state';
import type { SuspendLicenceCommand } from './suspend-licence.command';
import { suspendLicence } from './suspend-licence.decide';

/**
 * The system's suspension (after an end-use violation, or a party listed later): `suspendLicence`
 * on a licence in force (`isInForceOn`), which records the job as `suspendedBy`, so a person who
 * revokes it later always differs from it and the revocation stays a second decision (four eyes:
 * the system's and the officer's). Quiet on any other licence, since a job has nobody to refuse
 * to: a licence already suspended, revoked or expired keeps its old decisions untouched.
 */
export function suspendInForce(command: SuspendLicenceCommand, state: LicenceState): LicenceEvent[] {
  return isInForceOn(state, command.context.now) ? suspendLicence(command, state) : [];
}

export const suspendInForceDecider: Decider<SuspendLicenceCommand, LicenceState, LicenceEvent> = {
  decide: suspendInForce,
  evolve: evolveLicence,
  initialState: initialLicenceState,
};
