import { type Decider, DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import type { LicenceEvent } from '../licence/licence.events';
import { evolveLicence, initialLicenceState, LicenceState, LicenceStatus } from '../licence/licence.state';

/** A licence decider from its decide function: every licence command folds the same stream the same way. */
export const licenceDecider = <Command>(decide: (command: Command, state: LicenceState) => LicenceEvent[]): Decider<Command, LicenceState, LicenceEvent> => ({
  decide,
  evolve: evolveLicence,
  initialState: initialLicenceState,
});

/** The licence must exist: 404 otherwise. */
export function requireLicence(state: LicenceState, licenceId: string): void {
  if (state.status === 'none') throw new NotFound('Licence', licenceId);
}

/** `invalid-transition` (docs/domain.md, "Rules"): a step taken from a status it does not follow. */
export function requireStatus(state: LicenceState, licenceId: string, step: string, allowed: readonly LicenceStatus[]): void {
  requireLicence(state, licenceId);
  if (!allowed.includes(state.status)) {
    throw new DomainRuleViolation('invalid-transition', `Licence ${licenceId} is ${state.status}: it cannot be ${step}`);
  }
}
