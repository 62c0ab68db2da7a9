import {
  RESTRICTED_PARTY_DELISTED,
  RESTRICTED_PARTY_LISTED,
  RestrictedPartyEvent,
  RestrictedPartyListedData,
} from './restricted-party.events';

/** `unknown`: nothing recorded yet. A delisted party stays delisted: a new listing is a new party. */
export type RestrictedPartyStatus = 'unknown' | 'listed' | 'delisted';

export interface RestrictedPartyState {
  readonly status: RestrictedPartyStatus;
  readonly listing: RestrictedPartyListedData | null;
}

export const initialRestrictedPartyState = (): RestrictedPartyState => ({ status: 'unknown', listing: null });

export function evolveRestrictedParty(state: RestrictedPartyState, event: RestrictedPartyEvent): RestrictedPartyState {
  switch (event.type) {
    case RESTRICTED_PARTY_LISTED:
      return { status: 'listed', listing: event.data };
    case RESTRICTED_PARTY_DELISTED:
      return { ...state, status: 'delisted' };
    default:
      return state;
  }
}
