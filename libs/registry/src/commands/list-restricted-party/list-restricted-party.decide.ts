import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { RESTRICTED_PARTY_LISTED, RestrictedPartyEvent, RestrictedPartyListedData } from '../../restricted-party/restricted-party.events';
import { evolveRestrictedParty, initialRestrictedPartyState, RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { ListRestrictedPartyCommand } from './list-restricted-party.command';

const sameListing = (a: RestrictedPartyListedData, b: RestrictedPartyListedData): boolean =>
  JSON.stringify({ ...a, aliases: [...a.aliases] }) === JSON.stringify({ ...b, aliases: [...b.aliases] });

/**
 * A party id is listed once. The same listing sent again while it stands (a retry with the same
 * idempotency key) is accepted quietly; anything else on an existing party id, including a
 * listing after a delisting, is `invalid-transition`: a party listed again is a new party.
 */
export function listRestrictedParty(command: ListRestrictedPartyCommand, state: RestrictedPartyState): RestrictedPartyEvent[] {
  if (state.status === 'listed' && state.listing && sameListing(state.listing, command.party)) return [];
  if (state.status !== 'unknown') {
    throw new DomainRuleViolation('invalid-transition', `Restricted party ${command.party.partyId} exists already`);
  }
  return [{ type: RESTRICTED_PARTY_LISTED, data: { ...command.party, aliases: [...command.party.aliases] } }];
}

export const listRestrictedPartyDecider: Decider<ListRestrictedPartyCommand, RestrictedPartyState, RestrictedPartyEvent> = {
  decide: listRestrictedParty,
  evolve: evolveRestrictedParty,
  initialState: initialRestrictedPartyState,
};
