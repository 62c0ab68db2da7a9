import type { ConsignmentEvent } from '@ree/consignment';
import { ownershipStream, restrictedPartyStream, WATCH_LIST_ID } from '@ree/registry';
import { spec } from '@ree/testing';
import { arrivedAt, attached, cancelled, closed, departed as departure, endUseFiled, LICENCE_ID, registered, released, shipmentDeclared } from '../testing/job-events';
import {
  FlagListedPartyCommand,
  flagListedPartyDecider,
  LicenceMatch,
  matchDetail,
  ownershipMatchDetail,
  OwnershipMatchJob,
  RestrictedPartyMatchJob,
  retroScreeningSince,
  suspendsLicence,
  suspensionReason,
  UnlicensedMatch,
  unlicensedMatchDetail,
  unlicensedOwnershipMatchDetail,
} from './restricted-party-match.decide';
import { ownershipMatchRoute, RESTRICTED_PARTY_MATCH_QUEUE, restrictedPartyMatchRoute, SCREEN_OWNERSHIP_JOB } from './restricted-party-match.job';

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

describe('the consignments without a licence a listing flags (RESTRICTED_PARTY_MATCH by the end user)', () => {
  const END_USER = 'Nordwind Magnets AG';
  const unlicensed = (endUser = END_USER): FlagListedPartyCommand => ({ ...flagFor(), licenceId: null, endUser });
  const withoutLicence = [registered(), endUseFiled(END_USER)];

  it('flags one not yet shipped, one in transit and one arrived in the 24 months before the listing', () => {
    spec(flagListedPartyDecider).given(withoutLicence).when(unlicensed()).then([flagged]);
    spec(flagListedPartyDecider).given([...withoutLicence, ...departed]).when(unlicensed()).then([flagged]);
    spec(flagListedPartyDecider).given([...withoutLicence, ...departed, arrivedAt('2024-11-28T09:00:00.000Z'), closed]).when(unlicensed()).then([flagged]);
  });

  it('leaves one arrived longer ago, a cancelled one, and one whose declaration names another end user alone', () => {
    spec(flagListedPartyDecider).given([...withoutLicence, ...departed, arrivedAt('2024-11-28T08:59:59.999Z')]).when(unlicensed()).thenNothing();
    spec(flagListedPartyDecider).given([...withoutLicence, cancelled]).when(unlicensed()).thenNothing();
    spec(flagListedPartyDecider).given(withoutLicence).when(unlicensed('Hanse Magnetics GmbH')).thenNothing();
    spec(flagListedPartyDecider).given([registered()]).when(unlicensed()).thenNothing();
  });

  it('leaves one that holds a licence to the screening of its licence (never flagged twice), and flags once', () => {
    spec(flagListedPartyDecider).given([...withoutLicence, attached()]).when(unlicensed()).thenNothing();
    spec(flagListedPartyDecider).given([registered(), attached(), endUseFiled(END_USER)]).when(unlicensed()).thenNothing();
    spec(flagListedPartyDecider).given([...withoutLicence, flagged]).when(unlicensed()).thenNothing();
  });

  const byName: UnlicensedMatch = {
    consignmentId: 'c-1',
    names: [{ field: 'endUser', licenceName: END_USER, licenceSkeleton: 'nordwlnd rnagnets ag', partyName: 'Nordwind Magnets', partySkeleton: 'nordwlnd rnagnets', score: 0.9 }],
  };
  const throughOwnership: UnlicensedMatch = {
    consignmentId: 'c-1',
    names: [{ ...byName.names[0], partyName: 'Caspian Trading FZE', partySkeleton: 'casplan tradlng fze', score: 1, chain: [{ owner: 'Caspian Trading FZE', owned: END_USER, sharePercent: 60 }] }],
  };
  const flagList = { listName: 'Brokers', consequence: 'flag' as const };

  it('a detail naming the end user, the party, its list and consequence, and the listing', () => {
    expect(unlicensedMatchDetail(job, byName, flagList)).toBe(
      'Without a licence: the end user "Nordwind Magnets AG" (skeleton "nordwlnd rnagnets ag") matches "Nordwind Magnets" (skeleton "nordwlnd rnagnets") with score 0.9;' +
        ' restricted party "Nordwind Magnet Trading GmbH" (party-1, list reference MOFCOM 2026/14, Brokers: flag) listed 2026-11-28T09:00:00.000Z.',
    );
  });

  it('an ownership detail naming the chain, the party, its list and the fact', () => {
    const fact: OwnershipMatchJob = {
      factId: 'fact-1', owner: { name: 'Caspian Trading FZE', country: 'AE' }, owned: { name: END_USER, country: 'DE' }, sharePercent: 60,
      recordedAt: LISTED_AT, factPosition: '4398046511200', factRevision: 0,
    };
    const party = { partyId: 'party-2', partyName: 'Caspian Trading FZE', listName: 'Watch List (关注名单)', consequence: 'licence-required' as const };
    expect(unlicensedOwnershipMatchDetail(fact, throughOwnership, party)).toBe(
      'Without a licence: the end user "Nordwind Magnets AG" (skeleton "nordwlnd rnagnets ag") is owned 50 % or more by "Caspian Trading FZE"' +
        ' through "Nordwind Magnets AG" is owned 60 % by "Caspian Trading FZE"; restricted party "Caspian Trading FZE" (party-2, Watch List (关注名单): licence-required);' +
        ' ownership fact fact-1 ("Caspian Trading FZE" owns 60 % of "Nordwind Magnets AG") recorded 2026-11-28T09:00:00.000Z.',
    );
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

describe('lists with consequences and the ownership registry', () => {
  const chainMatch: LicenceMatch = {
    licenceId: LICENCE_ID,
    names: [
      {
        field: 'consignee',
        licenceName: 'Hanse Magnetics GmbH',
        licenceSkeleton: 'hanse rnagnetlcs',
        partyName: 'Nordwind Magnet Trading GmbH',
        partySkeleton: 'nordwlnd rnagnet tradlng',
        score: 1,
        chain: [
          { owner: 'Caspian Trading FZE', owned: 'Hanse Magnetics GmbH', sharePercent: 60 },
          { owner: 'Nordwind Magnet Trading GmbH', owned: 'Caspian Trading FZE', sharePercent: 55 },
        ],
      },
    ],
  };
  const watchList = { listName: 'Watch List (关注名单)', consequence: 'licence-required' as const };

  it('refuse and licence-required lists suspend the licence; a flag list only flags', () => {
    expect([suspendsLicence('refuse'), suspendsLicence('licence-required'), suspendsLicence('flag')]).toEqual([true, true, false]);
  });

  it('a match through the registry names the chain from the licence party up to the listed party, and the list', () => {
    expect(matchDetail(job, chainMatch, watchList)).toBe(
      'Licence lic-1: the consignee "Hanse Magnetics GmbH" (skeleton "hanse rnagnetlcs") is owned 50 % or more by "Nordwind Magnet Trading GmbH"' +
        ' through "Hanse Magnetics GmbH" is owned 60 % by "Caspian Trading FZE", "Caspian Trading FZE" is owned 55 % by "Nordwind Magnet Trading GmbH";' +
        ' restricted party "Nordwind Magnet Trading GmbH" (party-1, list reference MOFCOM 2026/14, Watch List (关注名单): licence-required) listed 2026-11-28T09:00:00.000Z.',
    );
  });

  const fact: OwnershipMatchJob = {
    factId: 'fact-1',
    owner: { name: 'Caspian Trading FZE', country: 'AE' },
    owned: { name: 'Hanse Magnetics GmbH', country: 'DE' },
    sharePercent: 60,
    recordedAt: LISTED_AT,
    factPosition: '4398046511200',
    factRevision: 0,
  };
  const factEvent = (sharePercent: number) => ({
    eventId: 'e2',
    type: 'OwnershipRecorded',
    streamId: ownershipStream.streamId('fact-1'),
    revision: 0,
    position: '4398046511200',
    recordedAt: LISTED_AT,
    data: { factId: 'fact-1', owner: fact.owner, owned: fact.owned, sharePercent, source: 'register', asOf: '2026-11-01' },
  });

  it('a job per ownership fact of 50 % or more, on the same queue; none below 50 %', () => {
    const route = ownershipMatchRoute();
    expect(route.queue).toBe(RESTRICTED_PARTY_MATCH_QUEUE);
    expect(route.job(factEvent(60) as never)).toEqual({ name: SCREEN_OWNERSHIP_JOB, data: { ...fact } });
    expect(route.job(factEvent(50) as never)).toEqual({ name: SCREEN_OWNERSHIP_JOB, data: { ...fact, sharePercent: 50 } });
    expect(route.job(factEvent(49.99) as never)).toBeUndefined();
  });

  it('an ownership match detail names the party, its list and the fact', () => {
    const party = { partyId: 'party-1', partyName: 'Nordwind Magnet Trading GmbH', ...watchList };
    expect(ownershipMatchDetail(fact, chainMatch, party)).toContain(
      '; restricted party "Nordwind Magnet Trading GmbH" (party-1, Watch List (关注名单): licence-required);' +
        ' ownership fact fact-1 ("Caspian Trading FZE" owns 60 % of "Hanse Magnetics GmbH") recorded 2026-11-28T09:00:00.000Z.',
    );
  });

  it('a listing job carries its list; one recorded before lists has none', () => {
    const event = {
      eventId: 'e1',
      type: 'RestrictedPartyListed',
      streamId: restrictedPartyStream.streamId('party-1'),
      revision: 0,
      position: '4398046511104',
      recordedAt: LISTED_AT,
      data: { partyId: 'party-1', name: job.name, aliases: job.aliases, country: 'DE', reason: 'military end use', listReference: job.listReference, listId: WATCH_LIST_ID },
    };
    expect(restrictedPartyMatchRoute().job(event as never)).toEqual({ name: 'screen-licences', data: { ...job, listId: WATCH_LIST_ID } });
  });
});
