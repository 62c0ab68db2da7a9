import { aCommandContext, spec } from '@ree/testing';
import { listIdOfListing, UNRELIABLE_ENTITY_LIST_ID, WATCH_LIST_ID } from '../../restricted-list/reference-lists';
import {
  RESTRICTED_PARTY_DELISTED,
  RESTRICTED_PARTY_LISTED,
  RestrictedPartyEvent,
  RestrictedPartyListedData,
} from '../../restricted-party/restricted-party.events';
import { ListRestrictedPartyCommand } from './list-restricted-party.command';
import { listRestrictedPartyDecider } from './list-restricted-party.decide';

const party: RestrictedPartyListedData = {
  partyId: '9e2b8a34-1d3f-4c55-bb0e-7a6f2d0c4e11',
  name: 'Skydio, Inc.',
  aliases: ['Skydio'],
  country: 'US',
  reason: 'Arms sales to a restricted destination',
  listReference: 'UEL-2024-3',
};
const listed: RestrictedPartyEvent = { type: RESTRICTED_PARTY_LISTED, data: party };
const list = (data: RestrictedPartyListedData) => new ListRestrictedPartyCommand(data, aCommandContext());

describe('list a restricted party', () => {
  it('puts a new party on the list with its aliases', () => {
    spec(listRestrictedPartyDecider).given([]).when(list(party)).then([listed]);
  });

  it('the same listing sent again stays quiet', () => {
    spec(listRestrictedPartyDecider).given([listed]).when(list(party)).thenNothing();
  });

  it('listing an existing party id with other details is an invalid transition', () => {
    spec(listRestrictedPartyDecider).given([listed]).when(list({ ...party, reason: 'other' })).thenRefused('invalid-transition');
  });

  it('a delisted party id is not listed again', () => {
    spec(listRestrictedPartyDecider)
      .given([listed, { type: RESTRICTED_PARTY_DELISTED, data: { reason: 'appeal granted' } }])
      .when(list(party))
      .thenRefused('invalid-transition');
  });
});

describe('list a restricted party on a list', () => {
  it('the listing names its list; one recorded before lists existed names none and was on the Unreliable Entity List', () => {
    const onWatchList = { ...party, listId: WATCH_LIST_ID };
    spec(listRestrictedPartyDecider).given([]).when(list(onWatchList)).then([{ type: RESTRICTED_PARTY_LISTED, data: onWatchList }]);
    expect(listIdOfListing(onWatchList)).toBe(WATCH_LIST_ID);
    expect(listIdOfListing(party)).toBe(UNRELIABLE_ENTITY_LIST_ID);
  });

  it('invalid-transition: the same party id on another list', () => {
    spec(listRestrictedPartyDecider).given([listed]).when(list({ ...party, listId: WATCH_LIST_ID })).thenRefused('invalid-transition');
  });
});
