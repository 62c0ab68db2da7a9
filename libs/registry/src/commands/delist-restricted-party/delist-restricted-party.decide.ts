import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { RESTRICTED_PARTY_DELISTED, RestrictedPartyEvent } from '../../restricted-party/restricted-party.events';
import { evolveRestrictedParty, initialRestrictedPartyState, RestrictedPartyState } from '../../restricted-party/restricted-party.state';
import { DelistRestrictedPartyCommand } from './delist-restricted-party.command';

/** Only a listed party can be delisted; delisting one that was never listed, or twice, is `invalid-transition`. */
export function delistRestrictedParty(command: DelistRestrictedPartyCommand, state: RestrictedPartyState): RestrictedPartyEvent[] {
  if (state.status !== 'listed') {
    throw new DomainRuleViolation('invalid-transition', `Restricted party ${command.partyId} is not listed`);
  }
  return [{ type: RESTRICTED_PARTY_DELISTED, data: { reason: command.reason } }];
}

export const delistRestrictedPartyDecider: Decider<DelistRestrictedPartyCommand, RestrictedPartyState, RestrictedPartyEvent> = {
  decide: delistRestrictedParty,
  evolve: evolveRestrictedParty,
  initialState: initialRestrictedPartyState,
};
