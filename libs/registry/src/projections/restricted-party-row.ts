import type { RecordedEvent } from '@ree/shared-kernel';
import { RESTRICTED_PARTY_DELISTED, RESTRICTED_PARTY_LISTED, type RestrictedPartyEvent } from '../restricted-party/restricted-party.events';
import { evolveRestrictedParty, initialRestrictedPartyState, type RestrictedPartyState } from '../restricted-party/restricted-party.state';

/** One party as the list keeps it: the decider's state, folded with `evolveRestrictedParty`, and when and why it changed. */
export interface RestrictedPartyRow {
  readonly partyId: string;
  readonly state: RestrictedPartyState;
  readonly listedAt: string | null;
  readonly delistedAt: string | null;
  readonly delistingReason: string | null;
}

export const initialRestrictedPartyRow = (partyId: string): RestrictedPartyRow => ({
  partyId,
  state: initialRestrictedPartyState(),
  listedAt: null,
  delistedAt: null,
  delistingReason: null,
});

/** A party is listed once and delisted once (a new listing is a new party): a replayed listing never undoes a delisting. */
export function restrictedPartyEventApplied(row: RestrictedPartyRow, event: RecordedEvent & RestrictedPartyEvent): boolean {
  return event.type === RESTRICTED_PARTY_LISTED ? row.state.status !== 'unknown' : row.state.status === 'delisted';
}

export function evolveRestrictedPartyRow(row: RestrictedPartyRow, event: RecordedEvent & RestrictedPartyEvent): RestrictedPartyRow {
  const next = { ...row, state: evolveRestrictedParty(row.state, event) };
  if (event.type === RESTRICTED_PARTY_LISTED) return { ...next, listedAt: event.recordedAt };
  if (event.type === RESTRICTED_PARTY_DELISTED) return { ...next, delistedAt: event.recordedAt, delistingReason: event.data.reason };
  return next;
}
