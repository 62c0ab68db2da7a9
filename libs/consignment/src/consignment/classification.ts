import {
  type CatchAllGround,
  type Classification,
  classify,
  type ControlListOnDay,
  type ListConsequence,
  type PartyListMatch,
} from '@ree/registry/domain';
import type { ConsignmentEvent, ConsignmentRegisteredData, ControlRemark, ClassificationStage } from './consignment.events';
import { CONSIGNMENT_CLASSIFIED } from './consignment.events';
import type { ConsignmentState } from './consignment.state';

/** The control list in force on a day as the registry's `ControlListReader` answers it. */
export type ListOnDay = ControlListOnDay;

/** One match of the end user against the restricted lists, as the registry's `PartyScreening` answers it (the chain runs from the end user up to the listed party). */
export type EndUserMatch = Pick<PartyListMatch, 'partyId' | 'partyName' | 'listName' | 'consequence' | 'chain'>;

/** The consequences of a list that make the catch-all apply; a list that only flags does not. */
const CALLS_FOR_A_LICENCE: readonly ListConsequence[] = ['refuse', 'licence-required'];

/** The day of a command in UTC (YYYY-MM-DD): the registration's classification day. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * The catch-all grounds that apply to a consignment's shipment: the end user is, or is owned 50 %
 * or more through a chain by, a party on a list whose consequence is `refuse` or
 * `licence-required` (one ground per listed party); the end-use declaration does not exclude
 * military use; each licensing officer's notice to the exporter.
 */
export function catchAllGrounds(state: ConsignmentState, endUserMatches: readonly EndUserMatch[]): CatchAllGround[] {
  const restricted = new Map<string, CatchAllGround>();
  for (const match of endUserMatches) {
    if (!CALLS_FOR_A_LICENCE.includes(match.consequence) || restricted.has(match.partyId)) continue;
    const chain = match.chain.length === 0 ? [match.partyName] : [match.chain[0].owned, ...match.chain.map((link) => link.owner)];
    restricted.set(match.partyId, { kind: 'restricted-end-user', partyId: match.partyId, partyName: match.partyName, listName: match.listName, chain });
  }
  const military: CatchAllGround[] = state.endUseDeclaration && !state.endUseDeclaration.commitments.noMilitaryUse ? [{ kind: 'military-end-use' }] : [];
  const notices: CatchAllGround[] = state.licenceNotices.map(({ reason, notifiedBy }) => ({ kind: 'officer-notice', reason, notifiedBy }));
  return [...restricted.values(), ...military, ...notices];
}

/** The consignment's item (element and form as registered, the HS code as declared) classified by the list of the day. */
export function classifyConsignment(
  registration: ConsignmentRegisteredData,
  hsCode: string,
  list: ListOnDay,
  catchAll: readonly CatchAllGround[],
): Classification {
  return classify(list.entries, { element: registration.element, productForm: registration.productForm, hsCode }, list.day, catchAll);
}

export const classified = (stage: ClassificationStage, classification: Classification, list: ListOnDay): ConsignmentEvent => ({
  type: CONSIGNMENT_CLASSIFIED,
  data: { stage, classification, listPosition: list.listPosition },
});

/** The customs remark a classification calls for: the list names the item, or it does not (the catch-all makes no item controlled). */
export const controlRemarkOf = (classification: Classification): ControlRemark => (classification.controlled ? 'controlled' : 'not-controlled');
