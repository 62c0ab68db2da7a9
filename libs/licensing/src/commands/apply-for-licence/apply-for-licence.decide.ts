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
  refuseKindWithoutItsFacts(application);
  return [
    { type: LICENCE_APPLIED, data: application },
    { type: LICENCE_SCREENED, data: screening },
  ];
}

/**
 * What each kind needs on the application (docs/domain.md, "Licence kinds"): a multi-use licence
 * names its customs office (`customs-office-required`); a general one records the exporter's
 * internal control programme and no export-control penalty in three years
 * (`general-licence-ineligible`, refused when either is missing or not so).
 */
function refuseKindWithoutItsFacts(application: LicenceAppliedData): void {
  const { kind, licenceId, customsOffice, eligibility } = application;
  if (kind === 'multi-use' && !customsOffice) {
    throw new DomainRuleViolation('customs-office-required', `Multi-use licence ${licenceId}: name the customs office (customsOffice) every declaration goes through`);
  }
  if (kind === 'general' && !(eligibility?.internalControlProgramme && eligibility.noPenaltiesInThreeYears)) {
    throw new DomainRuleViolation(
      'general-licence-ineligible',
      `General licence ${licenceId}: granted only to an exporter with an internal control programme in place and no export-control penalty in the last three years`,
    );
  }
}

export const applyForLicenceDecider = licenceDecider(applyForLicence);
