import { DomainRuleViolation } from '@ree/shared-kernel';
import { LICENCE_APPLIED, LICENCE_SCREENED, LicenceAppliedData, LicenceEvent } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider } from '../licence-decider';
import type { Screened } from '../screening-outcome';
import { ApplyForLicenceCommand } from './apply-for-licence.command';

const sameApplication = (a: LicenceAppliedData, b: LicenceAppliedData): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * An application is recorded together with its screening, in one append: a licence never exists
 * unscreened. A match does not refuse the application (the officer sees it and must reject);
 * it refuses the approval. The same application again (a retry with the same idempotency key,
 * hence the same licence id) is accepted quietly.
 */
export function applyForLicence(command: Screened<ApplyForLicenceCommand>, state: LicenceState): LicenceEvent[] {
  const { application, screening } = command;
  if (state.application) {
    if (sameApplication(state.application, application)) return [];
    throw new DomainRuleViolation('invalid-transition', `Licence ${application.licenceId} exists already`);
  }
  return [
    { type: LICENCE_APPLIED, data: application },
    { type: LICENCE_SCREENED, data: screening },
  ];
}

export const applyForLicenceDecider = licenceDecider(applyForLicence);
