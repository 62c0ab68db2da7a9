import { aCommandContext, spec } from '@ree/testing';
import { RESTRICTED_PARTY_DELISTED, RESTRICTED_PARTY_LISTED, RestrictedPartyEvent } from '../../restricted-party/restricted-party.events';
import { DelistRestrictedPartyCommand } from './delist-restricted-party.command';
import { delistRestrictedPartyDecider } from './delist-restricted-party.decide';

const partyId = '3c0e9f7a-8b21-4d6e-a5f4-2b1c9d8e7f60';
const listed: RestrictedPartyEvent = {
  type: RESTRICTED_PARTY_LISTED,
  data: { partyId, name: 'Huntington Ingalls Industries', aliases: [], country: 'US', reason: 'r', listReference: 'UEL-2023-2' },
};
const delisted: RestrictedPartyEvent = { type: RESTRICTED_PARTY_DELISTED, data: { reason: 'appeal granted' } };
const delist = () => new DelistRestrictedPartyCommand(partyId, 'appeal granted', aCommandContext());

describe('delist a restricted party', () => {
  it('takes a listed party off the list', () => {
    spec(delistRestrictedPartyDecider).given([listed]).when(delist()).then([delisted]);
  });

  it('a party that was never listed cannot be delisted', () => {
    spec(delistRestrictedPartyDecider).given([]).when(delist()).thenRefused('invalid-transition');
  });

  it('a party already delisted cannot be delisted again', () => {
    spec(delistRestrictedPartyDecider).given([listed, delisted]).when(delist()).thenRefused('invalid-transition');
  });
});
