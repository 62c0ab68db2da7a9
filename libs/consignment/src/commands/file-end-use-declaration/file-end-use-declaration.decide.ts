import { normaliseName } from '@ree/registry/domain';
import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { ConsignmentEvent, END_USE_DECLARATION_FILED, Party } from '../../consignment/consignment.events';
import { assertOpen, invalidTransition, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { EndUseDeclarationFiling } from './file-end-use-declaration.command';

/**
 * The same party for the authority: names compared the way screening compares them (accents,
 * case, punctuation, word order and legal forms aside), and the same country. Addresses are not
 * compared: the same site is written many ways, and the name and country are what was screened.
 */
const isSameParty = (declared: Party, licensed: Party): boolean =>
  declared.country === licensed.country && normaliseName(declared.name) === normaliseName(licensed.name);

/**
 * The end user's declaration. When a licence is attached (docs/domain.md, "Lifecycle of a
 * consignment"), the licence names the end user the authority screened, and the declaration must
 * come from that party (`licence-scope-mismatch`); a declaration that does not exclude military
 * use is then refused (`military-use-not-excluded`): the licences of this record are for civil end
 * uses only. An item the control list does not name may ship without a licence, so a declaration
 * may be filed before any licence; one that does not exclude military use is then recorded, and is
 * a catch-all ground that requires a licence at the shipment declaration (`licence-required`). One
 * declaration per consignment; the same one again (a retry) is quiet.
 */
export function fileEndUseDeclaration(command: EndUseDeclarationFiling, state: ConsignmentState): ConsignmentEvent[] {
  const { consignmentId, declaration, licensedEndUser } = command;
  visibleRegistration(state, consignmentId, command.context.actor);
  assertOpen(state, consignmentId);
  if (state.endUseDeclaration?.declarationId === declaration.declarationId) return [];
  if (state.endUseDeclaration) throw invalidTransition(`Consignment ${consignmentId} has its end-use declaration already`);
  if (!state.licence) return [{ type: END_USE_DECLARATION_FILED, data: declaration }];
  if (!licensedEndUser) throw invalidTransition(`Licence ${state.licence.licenceId} of consignment ${consignmentId} has no application`);
  if (!declaration.commitments.noMilitaryUse) {
    throw new DomainRuleViolation('military-use-not-excluded', 'The end user must commit to no military use');
  }
  if (!isSameParty(declaration.endUser, licensedEndUser)) {
    throw new DomainRuleViolation(
      'licence-scope-mismatch',
      `The declared end user ${declaration.endUser.name} (${declaration.endUser.country}) is not licence ${state.licence.licenceId}'s end user`,
    );
  }
  return [{ type: END_USE_DECLARATION_FILED, data: declaration }];
}

export const fileEndUseDeclarationDecider: Decider<EndUseDeclarationFiling, ConsignmentState, ConsignmentEvent> = {
  decide: fileEndUseDeclaration,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
