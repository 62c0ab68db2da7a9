import { DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { LICENCE_DECLARATION_ENDORSED, LicenceEvent, MULTI_USE_DECLARATIONS } from '../../licence/licence.events';
import { endorsementOf, endorsementsInForce, licenceKindOf } from '../../licence/licence.kinds';
import { isActiveOn } from '../../licence/licence.quantities';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider } from '../licence-decider';
import { EndorseDeclarationCommand } from './endorse-declaration.command';

/**
 * Customs endorses a declaration on the licence, by its kind's limits (docs/domain.md, "Licence
 * kinds"): the licence active on the day (`licence-not-active`); at the customs office the
 * licence names, when it names one (`customs-office-mismatch`); a single-use licence once
 * (`single-use-licence-spent`); a multi-use one at most 12 times (`multi-use-endorsements-exhausted`).
 * A general licence, and one recorded before kinds existed, take any number of declarations in
 * their validity. Withdrawn endorsements do not count. The same consignment's declaration again
 * decides nothing; another declaration of a consignment endorsed already is `invalid-transition`.
 */
export function endorseDeclaration(command: EndorseDeclarationCommand, state: LicenceState): LicenceEvent[] {
  const { licenceId, consignmentId, customsDeclarationNo, customsOffice, kg, endorsedOn } = command;
  if (state.status === 'none' || !state.application) throw new NotFound('Licence', licenceId);
  const endorsed = endorsementOf(state, consignmentId);
  if (endorsed) {
    if (endorsed.customsDeclarationNo === customsDeclarationNo) return [];
    throw new DomainRuleViolation('invalid-transition', `Consignment ${consignmentId} has declaration ${endorsed.customsDeclarationNo} endorsed on licence ${licenceId} already`);
  }
  if (!isActiveOn(state, command.now)) {
    throw new DomainRuleViolation('licence-not-active', `Licence ${licenceId} is ${state.status}, valid ${state.validFrom ?? '?'} to ${state.validUntil ?? '?'}`);
  }
  const office = state.application.customsOffice;
  if (office !== undefined && office !== customsOffice) {
    throw new DomainRuleViolation('customs-office-mismatch', `Licence ${licenceId} is valid at customs office ${office} only; the declaration is lodged at ${customsOffice}`);
  }
  const inForce = endorsementsInForce(state).length;
  const kind = licenceKindOf(state);
  if (kind === 'single-use' && inForce >= 1) {
    throw new DomainRuleViolation('single-use-licence-spent', `Single-use licence ${licenceId} is endorsed with declaration ${endorsementsInForce(state)[0].customsDeclarationNo} already`);
  }
  if (kind === 'multi-use' && inForce >= MULTI_USE_DECLARATIONS) {
    throw new DomainRuleViolation('multi-use-endorsements-exhausted', `Multi-use licence ${licenceId} is endorsed with ${inForce} declarations, the most it takes`);
  }
  return [
    {
      type: LICENCE_DECLARATION_ENDORSED,
      data: { consignmentId, customsDeclarationNo, customsOffice, kg, endorsedOn, number: state.endorsements.length + 1 },
    },
  ];
}

export const endorseDeclarationDecider = licenceDecider(endorseDeclaration);
