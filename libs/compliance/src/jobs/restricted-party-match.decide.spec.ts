import type { ConsignmentEvent } from '@ree/consignment';
import { restrictedPartyStream } from '@ree/registry';
import { spec } from '@ree/testing';
import { arrivedAt, attached, cancelled, closed, departed as departure, LICENCE_ID, registered, released, shipmentDeclared } from '../testing/job-events';
import {
  FlagListedPartyCommand,
  flagListedPartyDecider,
  LicenceMatch,
  matchDetail,
  RestrictedPartyMatchJob,
  retroScreeningSince,
  suspensionReason,
} from './restricted-party-match.decide';
import { RESTRICTED_PARTY_MATCH_QUEUE, restrictedPartyMatchRoute } from './restricted-party-match.job';

const LISTED_AT = '2026-11-28T09:00:00.000Z';
const job: RestrictedPartyMatchJob = {
  partyId: 'party-1',
  name: 'Nordwind Magnet Trading GmbH',
  aliases: ['Nordwind Magnets'],
  country: 'DE',
  listReference: 'MOFCOM 2026/14',
  listedAt: LISTED_AT,
  listingPosition: '4398046511104',
  listingRevision: 0,
};
const match: LicenceMatch = {
  licenceId: LICENCE_ID,
  names: [
    {
      field: 'consignee',
      licenceName: 'Nordwind Magnet-Tradings GmbH',
      licenceSkeleton: 'nordwlnd rnagnet tradlngs',
      partyName: 'Nordwind Magnet Trading GmbH',
      partySkeleton: 'nordwlnd rnagnet tradlng',
      score: 0.9231,
    },
    { field: 'endUser', licenceName: 'Nordwind Magnets AG', licenceSkeleton: 'nordwlnd rnagnets', partyName: 'Nordwind Magnets', partySkeleton: 'nordwlnd rnagnets', score: 1 },
  ],
};
const flagFor = (licenceId = LICENCE_ID): FlagListedPartyCommand => ({
  consignmentId: 'c-1',
  licenceId,
  since: retroScreeningSince(LISTED_AT),
  detail: 'the detail',
});
const flagged: ConsignmentEvent = { type: 'ConsignmentFlagged', data: { code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', detail: 'the detail' } };
const onLicence = [registered(), attached()];
/** Declared, released and departed: in transit. */
const departed = [shipmentDeclared, released, departure];

describe('the consignments a listing flags', () => {
  it('flags a consignment on the licence not yet shipped, and one in transit', () => {
    spec(flagListedPartyDecider).given(onLicence).when(flagFor()).then([flagged]);
    spec(flagListedPartyDecider).given([...onLicence, ...departed]).when(flagFor()).then([flagged]);
  });

  it('flags one that arrived in the 24 months before the listing, closed or not (retro-screening)', () => {
    spec(flagListedPartyDecider).given([...onLicence, ...departed, arrivedAt('2024-11-28T09:00:00.000Z')]).when(flagFor()).then([flagged]);
    spec(flagListedPartyDecider).given([...onLicence, ...departed, arrivedAt('2025-06-01T00:00:00.000Z'), closed]).when(flagFor()).then([flagged]);
  });

  it('leaves one that arrived longer ago alone', () => {
    spec(flagListedPartyDecider).given([...onLicence, ...departed, arrivedAt('2024-11-28T08:59:59.999Z')]).when(flagFor()).thenNothing();
    spec(flagListedPartyDecider).given([...onLicence, ...departed, arrivedAt('2024-10-28T09:00:00.000Z')]).when(flagFor()).thenNothing();
  });

  it('leaves a cancelled consignment, one on another licence, and an unknown one alone', () => {
    spec(flagListedPartyDecider).given([...onLicence, cancelled]).when(flagFor()).thenNothing();
    spec(flagListedPartyDecider).given(onLicence).when(flagFor('lic-2')).thenNothing();
    spec(flagListedPartyDecider).given([registered()]).when(flagFor()).thenNothing();
    spec(flagListedPartyDecider).given([]).when(flagFor()).thenNothing();
  });

  it('flags once: a match flag stays open, through arrival and close', () => {
    spec(flagListedPartyDecider).given([...onLicence, flagged, ...departed, arrivedAt('2026-11-29T00:00:00Z'), closed]).when(flagFor()).thenNothing();
  });
});

describe('the retro-screening window', () => {
  it('starts 24 calendar months (UTC) before the listing', () => {
    expect(retroScreeningSince(LISTED_AT).toISOString()).toBe('2024-11-28T09:00:00.000Z');
    expect(retroScreeningSince('2026-03-31T23:00:00.000Z').toISOString()).toBe('2024-03-31T23:00:00.000Z');
  });
});

describe('what the job writes', () => {
  it('a suspension reason naming the party, the names that matched, their skeletons and their scores', () => {
    expect(suspensionReason(job, match)).toBe(
      'Restricted party listed later: the consignee "Nordwind Magnet-Tradings GmbH" (skeleton "nordwlnd rnagnet tradlngs")' +
        ' matches "Nordwind Magnet Trading GmbH" (skeleton "nordwlnd rnagnet tradlng") with score 0.9231' +
        ' and the end user "Nordwind Magnets AG" (skeleton "nordwlnd rnagnets") matches "Nordwind Magnets" (skeleton "nordwlnd rnagnets") with score 1;' +
        ' restricted party "Nordwind Magnet Trading GmbH" (party-1, list reference MOFCOM 2026/14)',
    );
  });

  it('a flag detail naming the licence and the listing', () => {
    expect(matchDetail(job, { ...match, names: [match.names[0]] })).toBe(
      'Licence lic-1: the consignee "Nordwind Magnet-Tradings GmbH" (skeleton "nordwlnd rnagnet tradlngs")' +
        ' matches "Nordwind Magnet Trading GmbH" (skeleton "nordwlnd rnagnet tradlng") with score 0.9231;' +
        ' restricted party "Nordwind Magnet Trading GmbH" (party-1, list reference MOFCOM 2026/14) listed 2026-11-28T09:00:00.000Z.',
    );
  });

  it('a job per listing, at once, with the names, the listing’s time, position and revision', () => {
    const event = {
      eventId: 'e1',
      type: 'RestrictedPartyListed',
      streamId: restrictedPartyStream.streamId('party-1'),
      revision: 0,
      position: '4398046511104',
      recordedAt: LISTED_AT,
      data: { partyId: 'party-1', name: job.name, aliases: job.aliases, country: 'DE', reason: 'military end use', listReference: job.listReference },
    };
    const route = restrictedPartyMatchRoute();
    expect(route.queue).toBe(RESTRICTED_PARTY_MATCH_QUEUE);
    expect(route.job(event as never)).toEqual({ name: 'screen-licences', data: { ...job } });
  });
});
