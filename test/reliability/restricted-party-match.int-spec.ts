import {
  CONSIGNMENT_FLAGGED,
  CONSIGNMENT_REGISTERED,
  ConsignmentEvent,
  END_USE_DECLARATION_FILED,
  EndUseDeclarationFiledData,
  consignmentStreamId,
  LICENCE_ATTACHED,
  SHIPMENT_ARRIVED,
  SHIPMENT_DEPARTED,
} from '@ree/consignment';
import {
  LICENCE_APPROVED,
  LICENCE_EXPIRED,
  LICENCE_REVOKED,
  LICENCE_SUSPENDED,
  LicenceApprovedData,
  LicenceEvent,
  LicenceProjection,
  licenceStreamId,
} from '@ree/licensing';
import {
  nameSkeleton,
  OWNERSHIP_RECORDED,
  OwnershipProjection,
  ownershipStreamId,
  RESTRICTED_LIST_DEFINED,
  RESTRICTED_PARTY_DELISTED,
  RESTRICTED_PARTY_LISTED,
  restrictedListStreamId,
  RestrictedPartyProjection,
  restrictedPartyStreamId,
  scoreSql,
  skeletonKeys,
  WATCH_LIST_ID,
} from '@ree/registry';
import {
  LicencePartyMatcher,
  ownershipMatchRoute,
  processScreeningJob,
  RESTRICTED_PARTY_MATCH_QUEUE,
  restrictedPartyMatchRoute,
  RetroScreeningJob,
  RestrictedPartyMatchJob,
  RestrictedPartyScreener,
  ScreeningOutcome,
  UnlicensedConsignmentMatcher,
} from '@ree/compliance';
import { RecordedEvent } from '@ree/shared-kernel';
import { randomInt, randomUUID } from 'node:crypto';
import { allocated, application, approvedEvent, issued } from '@ree/licensing/testing/licence-events';
import { endUseDeclared, registration, released, shipmentDeclared } from '@ree/consignment/testing/consignment-events';
import { loadConfig } from '@ree/platform/config';
import { ReviewProjection } from '@ree/review';
import { useJobSuite, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

const officer = { sub: 'restricted-party-int-spec', role: 'licensing-officer' };
const customs = { sub: 'restricted-party-int-spec-customs', role: 'customs-agent' };
const MONTH_MS = 30.44 * 86_400_000;
const SYNTHETIC_ORG = 'org-restricted-party-int-spec';

/** A made-up word, so that no other suite's licence in the shared test database resembles this suite's names. */
const word = (): string => {
  const letters = Array.from({ length: 7 }, (_, index) => (index % 2 === 0 ? 'bdfgklmnprstvz' : 'aeiou')[randomInt(index % 2 === 0 ? 14 : 5)]);
  return letters[0].toUpperCase() + letters.slice(1).join('');
};
const validUntil2099 = (history: readonly LicenceEvent[]): LicenceEvent[] =>
  history.map((event) => (event.type === LICENCE_APPROVED ? { ...event, data: { ...(approvedEvent().data as LicenceApprovedData), validUntil: '2099-12-31' } } : event));
const monthsAgo = (months: number): string => new Date(Date.now() - months * MONTH_MS).toISOString();

describe('a party listed later suspends and flags, against PostgreSQL and Redis', () => {
  const suite = useReactorHarness();
  const jobs = useJobSuite<RetroScreeningJob>(suite, {
    name: 'restricted-party-match',
    queue: RESTRICTED_PARTY_MATCH_QUEUE,
    routes: [restrictedPartyMatchRoute(), ownershipMatchRoute()],
    // Other suites' listings and ownership facts in the shared test database reach the reactor too: only this suite's are screened.
    subjectOf: (data) => ('factId' in data ? data.factId : data.partyId),
    processor: (harness) => {
      const screener = new RestrictedPartyScreener(harness.store, harness.dataSource);
      return (job, token) => processScreeningJob(screener, job, token);
    },
    // The job reads the licensing and review read models (the consignments without a licence) and waits for them and
    // the registry's (the list and the ownership registry): the projector keeps them, as the worker's does.
    alongside: () => [new LicenceProjection(), new ReviewProjection(loadConfig({ NODE_ENV: 'test' })), new RestrictedPartyProjection(), new OwnershipProjection()],
  });

  async function licenceWith(parties: { consignee: string; endUser?: string }, ...more: LicenceEvent[]): Promise<string> {
    const licenceId = randomUUID();
    const consignee = { ...application.consignee, name: parties.consignee };
    const endUser = { ...application.endUser, name: parties.endUser ?? 'Vacuumschmelze GmbH & Co. KG' };
    const events = [...validUntil2099(issued), ...more].map((event) =>
      event.type === 'LicenceApplied' ? { ...event, data: { ...application, licenceId, consignee, endUser } } : event,
    );
    await suite.harness.store.appendToStream(licenceStreamId(licenceId), events.map((event) => ({ ...event, metadata: { actor: officer } })));
    return licenceId;
  }

  /** A consignment on the licence: `shipped` declares, releases and departs it; `arrivedAt` lands it then. */
  async function consignmentOn(licenceId: string, journey: { shipped?: boolean; arrivedAt?: string; cancelled?: boolean } = {}): Promise<string> {
    const consignmentId = randomUUID();
    await suite.harness.store.appendToStream(licenceStreamId(licenceId), [{ ...allocated(consignmentId, 12_000), metadata: { actor: officer } }]);
    const events: ConsignmentEvent[] = [
      { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } },
      { type: LICENCE_ATTACHED, data: { licenceId, allocatedKg: 12_000 } },
    ];
    if (journey.cancelled) events.push({ type: 'ConsignmentCancelled', data: { reason: 'buyer withdrew' } });
    if (journey.shipped || journey.arrivedAt) {
      const departedAt = new Date(Date.parse(journey.arrivedAt ?? new Date().toISOString()) - 30 * 86_400_000).toISOString();
      events.push(shipmentDeclared, released, { type: SHIPMENT_DEPARTED, data: { departedAt, vesselOrFlight: 'COSCO Aries' } });
    }
    if (journey.arrivedAt) events.push({ type: SHIPMENT_ARRIVED, data: { arrivedAt: journey.arrivedAt, portOfArrival: 'DEHAM', confirmedBy: 'consignee' } });
    await suite.harness.store.appendToStream(consignmentStreamId(consignmentId), events.map((event) => ({ ...event, metadata: { actor: customs } })));
    return consignmentId;
  }

  /**
   * A consignment without a licence (an item the control list does not name), its end-use declaration naming
   * `endUser` (in Germany): `shipped` declares, releases and departs it; `arrivedAt` lands it then.
   */
  async function consignmentWithout(endUser: string, journey: { shipped?: boolean; arrivedAt?: string; licenceId?: string } = {}): Promise<string> {
    const consignmentId = randomUUID();
    const declaration = endUseDeclared.data as EndUseDeclarationFiledData;
    const events: ConsignmentEvent[] = [
      { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } },
      { type: END_USE_DECLARATION_FILED, data: { ...declaration, endUser: { ...declaration.endUser, name: endUser, country: 'DE' } } },
    ];
    if (journey.licenceId) {
      await suite.harness.store.appendToStream(licenceStreamId(journey.licenceId), [{ ...allocated(consignmentId, 12_000), metadata: { actor: officer } }]);
      events.push({ type: LICENCE_ATTACHED, data: { licenceId: journey.licenceId, allocatedKg: 12_000 } });
    }
    if (journey.shipped || journey.arrivedAt) {
      const departedAt = new Date(Date.parse(journey.arrivedAt ?? new Date().toISOString()) - 30 * 86_400_000).toISOString();
      events.push(shipmentDeclared, released, { type: SHIPMENT_DEPARTED, data: { departedAt, vesselOrFlight: 'COSCO Aries' } });
    }
    if (journey.arrivedAt) events.push({ type: SHIPMENT_ARRIVED, data: { arrivedAt: journey.arrivedAt, portOfArrival: 'DEHAM', confirmedBy: 'consignee' } });
    await suite.harness.store.appendToStream(consignmentStreamId(consignmentId), events.map((event) => ({ ...event, metadata: { actor: customs } })));
    return consignmentId;
  }

  async function list(name: string, aliases: string[], delisted = false, listId?: string): Promise<RecordedEvent> {
    const partyId = randomUUID();
    jobs.own(partyId);
    const listing = {
      type: RESTRICTED_PARTY_LISTED,
      data: {
        partyId,
        name,
        aliases,
        country: 'DE',
        reason: 'Procurement for military end use',
        listReference: `MOFCOM 2026/${randomInt(1000)}`,
        ...(listId ? { listId } : {}),
      },
      metadata: { actor: officer },
    };
    const delisting = { type: RESTRICTED_PARTY_DELISTED, data: { reason: 'listed in error' }, metadata: { actor: officer } };
    const { events } = await suite.harness.store.appendToStream(restrictedPartyStreamId(partyId), delisted ? [listing, delisting] : [listing]);
    return events[0];
  }

  /** An ownership fact, recorded as the registry records it; its job (50 % or more) is this suite's. */
  async function owns(owner: string, sharePercent: number, owned: string, countries: [string, string] = ['DE', 'DE']): Promise<RecordedEvent> {
    const factId = randomUUID();
    jobs.own(factId);
    const fact = {
      type: OWNERSHIP_RECORDED,
      data: { factId, owner: { name: owner, country: countries[0] }, owned: { name: owned, country: countries[1] }, sharePercent, source: 'register extract', asOf: '2026-10-01' },
      metadata: { actor: officer },
    };
    return (await suite.harness.store.appendToStream(ownershipStreamId(factId), [fact])).events[0];
  }

  const reasonOf = (suspension: RecordedEvent): string => (suspension.data as { reason: string }).reason;

  async function finished(jobId: string): Promise<ScreeningOutcome> {
    let result: ScreeningOutcome | undefined;
    await eventually(async () => {
      const job = await jobs.queue.getJob(jobId);
      result = job?.returnvalue as ScreeningOutcome | undefined;
      return job?.finishedOn !== undefined;
    });
    return result!;
  }

  const streamOf = (streamId: string): Promise<readonly RecordedEvent[]> => suite.harness.store.readStream(streamId);
  const flagsOf = async (consignmentId: string) =>
    (await streamOf(consignmentStreamId(consignmentId))).filter((event) => event.type === CONSIGNMENT_FLAGGED);
  const typesOf = async (licenceId: string) => (await streamOf(licenceStreamId(licenceId))).map((event) => event.type);
  const similarity = async (a: string, b: string): Promise<number> =>
    (await suite.harness.dataSource.query(`SELECT ${scoreSql({ sorted: '$1', compact: '$2' }, { sorted: '$3', compact: '$4' })}::float8 AS score`, [
      ...Object.values(skeletonKeys(nameSkeleton(a))),
      ...Object.values(skeletonKeys(nameSkeleton(b))),
    ]))[0].score;
  /** The name with Cyrillic look-alikes of a, e and o and a zero-width space after its first letter. */
  const lookAlike = (name: string): string => `${name[0]}\u200b${name.slice(1).replace(/a/g, 'а').replace(/e/g, 'е').replace(/o/g, 'о')}`;

  it('suspends a licence in force (its consignee a look-alike), flags its consignments in transit and those arrived in 24 months, not older ones, not a similar name', async () => {
    const [first, second] = [word(), word()];
    const inForceConsignee = lookAlike(`${first} ${second} Magnetics Limited`);
    const partyName = `${first} ${second} Magnetics Ltd`;
    const alias = `${first} ${second} Magnet Works`;
    const belowThreshold = `${first} Metals Trading Ltd`;
    const similar = await similarity(belowThreshold, partyName);
    expect(similar).toBeGreaterThan(0.2);
    expect(similar).toBeLessThan(0.7);

    const inForce = await licenceWith({ consignee: inForceConsignee });
    const inTransit = await consignmentOn(inForce, { shipped: true });
    const notShipped = await consignmentOn(inForce);
    const arrived23MonthsAgo = await consignmentOn(inForce, { arrivedAt: monthsAgo(23) });
    const arrived25MonthsAgo = await consignmentOn(inForce, { arrivedAt: monthsAgo(25) });
    const cancelledOne = await consignmentOn(inForce, { cancelled: true });
    const expired = await licenceWith({ consignee: 'Vacuumschmelze GmbH & Co. KG', endUser: alias });
    const arrivedOnExpired = await consignmentOn(expired, { arrivedAt: monthsAgo(12) });
    await suite.harness.store.appendToStream(licenceStreamId(expired), [{ type: LICENCE_EXPIRED, data: {}, metadata: { actor: officer } }]);
    const revoked = await licenceWith({ consignee: partyName }, { type: LICENCE_REVOKED, data: { reason: 'false declaration' } });
    const arrivedOnRevoked = await consignmentOn(revoked, { arrivedAt: monthsAgo(1) });
    const lookalike = await licenceWith({ consignee: belowThreshold });
    const onLookalike = await consignmentOn(lookalike, { shipped: true });
    const before = { expired: await typesOf(expired), revoked: await typesOf(revoked), lookalike: await typesOf(lookalike) };

    const listing = await list(partyName, [alias]);

    expect(await finished(listing.eventId)).toEqual({ outcome: 'screened', licencesMatched: 3, licencesSuspended: 1, consignmentsFlagged: 5 });
    const [suspension, ...more] = (await streamOf(licenceStreamId(inForce))).filter((event) => event.type === LICENCE_SUSPENDED);
    expect(more).toEqual([]);
    expect(suspension.metadata.actor).toEqual({ sub: 'review.restricted-party-match', role: 'system' });
    expect(suspension.metadata.causationId).toBe(listing.eventId);
    expect(suspension.data).toEqual({
      reason: expect.stringContaining(
        `"${inForceConsignee}" (skeleton "${nameSkeleton(inForceConsignee)}") matches "${partyName}" (skeleton "${nameSkeleton(partyName)}")` +
          ` with score 1; restricted party "${partyName}"`,
      ),
      suspendedBy: 'review.restricted-party-match',
    });

    for (const consignmentId of [inTransit, notShipped, arrived23MonthsAgo, arrivedOnExpired, arrivedOnRevoked]) {
      const flags = await flagsOf(consignmentId);
      expect(flags.map((flag) => flag.data)).toEqual([{ code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', detail: expect.stringContaining(partyName) }]);
      expect(flags[0].metadata).toMatchObject({ actor: { sub: 'review.restricted-party-match', role: 'system' }, causationId: listing.eventId });
    }
    for (const consignmentId of [arrived25MonthsAgo, cancelledOne, onLookalike]) expect(await flagsOf(consignmentId)).toEqual([]);
    // Old decisions stay as they were: nothing on an expired or revoked licence, nor on the look-alike's.
    expect({ expired: await typesOf(expired), revoked: await typesOf(revoked), lookalike: await typesOf(lookalike) }).toEqual(before);
  });

  describe('through the ownership registry (the same walk as screening)', () => {
    it('a new listing reaches a consignee owned 60 % by a company owned 55 % by the party: suspended and flagged, the chain in the reason', async () => {
      const [party, middle, consignee] = [`${word()} Holding AG`, `${word()} Trading GmbH`, `${word()} Magnetics GmbH`];
      // Each fact's own job runs before the listing (the party is not yet listed: it finds nothing).
      for (const fact of [await owns(party, 55, middle), await owns(middle, 60, consignee)]) await finished(fact.eventId);
      const licenceId = await licenceWith({ consignee });
      const consignmentId = await consignmentOn(licenceId, { shipped: true });
      const broken = await licenceWith({ consignee: `${word()} Sinter GmbH` });
      await owns(middle, 49.9, ((await streamOf(licenceStreamId(broken)))[0].data as { consignee: { name: string } }).consignee.name);

      const listing = await list(party, [], false, WATCH_LIST_ID);

      expect(await finished(listing.eventId)).toEqual({ outcome: 'screened', licencesMatched: 1, licencesSuspended: 1, consignmentsFlagged: 1 });
      const [suspension] = (await streamOf(licenceStreamId(licenceId))).filter((event) => event.type === LICENCE_SUSPENDED);
      expect(reasonOf(suspension)).toContain(
        `"${consignee}" (skeleton "${nameSkeleton(consignee)}") is owned 50 % or more by "${party}" through "${consignee}" is owned 60 % by "${middle}", "${middle}" is owned 55 % by "${party}"`,
      );
      expect(reasonOf(suspension)).toContain('Watch List (关注名单): licence-required');
      expect((await flagsOf(consignmentId)).map((flag) => (flag.data as { code: string }).code)).toEqual(['RESTRICTED_PARTY_MATCH']);
      expect((await typesOf(broken)).filter((type) => type === LICENCE_SUSPENDED)).toEqual([]);
    });

    it('a new ownership fact makes a licence party a listed party\'s company: the licence is suspended with the whole chain', async () => {
      const [party, consignee, endUser] = [`${word()} Defence Works`, `${word()} Components Ltd`, `${word()} Motors SA`];
      const listing = await list(party, [], false, WATCH_LIST_ID);
      await finished(listing.eventId);
      const licenceId = await licenceWith({ consignee, endUser });
      const consignmentId = await consignmentOn(licenceId);
      await finished((await owns(consignee, 100, endUser)).eventId);

      const fact = await owns(party, 51, consignee, ['RU', 'DE']);

      expect(await finished(fact.eventId)).toEqual({ outcome: 'screened', licencesMatched: 1, licencesSuspended: 1, consignmentsFlagged: 1 });
      const [suspension] = (await streamOf(licenceStreamId(licenceId))).filter((event) => event.type === LICENCE_SUSPENDED);
      expect(suspension.metadata.causationId).toBe(fact.eventId);
      expect(reasonOf(suspension)).toContain(`Ownership recorded later: the consignee "${consignee}"`);
      expect(reasonOf(suspension)).toContain(`the end user "${endUser}" (skeleton "${nameSkeleton(endUser)}") is owned 50 % or more by "${party}" through "${endUser}" is owned 100 % by "${consignee}", "${consignee}" is owned 51 % by "${party}"`);
      expect(await flagsOf(consignmentId)).toHaveLength(1);
    });

    it('a flag list flags the consignments and suspends nothing; a fact below 50 % makes no job', async () => {
      const listId = randomUUID();
      await suite.harness.store.appendToStream(restrictedListStreamId(listId), [
        { type: RESTRICTED_LIST_DEFINED, data: { listId, name: `Brokers ${word()}`, description: 'observed', consequence: 'flag' }, metadata: { actor: officer } },
      ]);
      const [party, consignee] = [`${word()} Brokers FZE`, `${word()} Import BV`];
      const licenceId = await licenceWith({ consignee });
      const consignmentId = await consignmentOn(licenceId, { shipped: true });
      const minority = await owns(party, 49.99, consignee, ['AE', 'DE']);
      await finished((await owns(party, 50, consignee, ['AE', 'DE'])).eventId);

      const listing = await list(party, [], false, listId);

      expect(await finished(listing.eventId)).toEqual({ outcome: 'screened', licencesMatched: 1, licencesSuspended: 0, consignmentsFlagged: 1 });
      expect((await typesOf(licenceId)).filter((type) => type === LICENCE_SUSPENDED)).toEqual([]);
      expect((await flagsOf(consignmentId)).map((flag) => (flag.data as { detail: string }).detail)).toEqual([expect.stringContaining(': flag)')]);
      expect(await jobs.queue.getJob(minority.eventId)).toBeUndefined();
    });
  });

  describe('consignments without a licence, by their end-use declaration\'s end user', () => {
    const detailOf = (flag: RecordedEvent): string => (flag.data as { detail: string }).detail;

    it('a listing flags those in transit, not shipped and arrived in 24 months, not one arrived 25 months before; one with a licence only through it', async () => {
      const endUser = `${word()} ${word()} Polishing GmbH`;
      const inTransit = await consignmentWithout(endUser, { shipped: true });
      const notShipped = await consignmentWithout(endUser);
      const arrived23MonthsAgo = await consignmentWithout(endUser, { arrivedAt: monthsAgo(23) });
      const arrived25MonthsAgo = await consignmentWithout(endUser, { arrivedAt: monthsAgo(25) });
      const toAnother = await consignmentWithout(`${word()} Optics GmbH`, { shipped: true });
      // A licence whose parties do not match: its consignment's end-use declaration names the party, but it is screened through its licence.
      const unmatchedLicence = await licenceWith({ consignee: `${word()} Import BV`, endUser: `${word()} Werke AG` });
      const onLicence = await consignmentWithout(endUser, { shipped: true, licenceId: unmatchedLicence });

      const listing = await list(endUser.toUpperCase(), []);

      expect(await finished(listing.eventId)).toEqual({ outcome: 'screened', licencesMatched: 0, licencesSuspended: 0, consignmentsFlagged: 3 });
      for (const consignmentId of [inTransit, notShipped, arrived23MonthsAgo]) {
        const flags = await flagsOf(consignmentId);
        expect(flags.map((flag) => flag.data)).toEqual([{ code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', detail: expect.any(String) }]);
        expect(flags[0].metadata).toMatchObject({ actor: { sub: 'review.restricted-party-match', role: 'system' }, causationId: listing.eventId });
        expect(detailOf(flags[0])).toContain(
          `Without a licence: the end user "${endUser}" (skeleton "${nameSkeleton(endUser)}") matches "${endUser.toUpperCase()}" (skeleton "${nameSkeleton(endUser)}") with score 1;` +
            ` restricted party "${endUser.toUpperCase()}" (${(listing.data as { partyId: string }).partyId}, list reference `,
        );
        expect(detailOf(flags[0])).toContain('Unreliable Entity List');
      }
      for (const consignmentId of [arrived25MonthsAgo, toAnother, onLicence]) expect(await flagsOf(consignmentId)).toEqual([]);

      // Read a consignment at a time, the matcher finds the same consignments (the window is the decider's, not the read's).
      const paged = await new UnlicensedConsignmentMatcher(suite.harness.dataSource, 0.7, 1).matches([endUser.toUpperCase()]);
      expect(paged.map((match) => match.consignmentId).sort()).toEqual([inTransit, notShipped, arrived23MonthsAgo, arrived25MonthsAgo].sort());

      // The job run again under its own id, or under another, flags nothing twice.
      const job = (await jobs.queue.getJob(listing.eventId))!.data as RestrictedPartyMatchJob;
      const screener = new RestrictedPartyScreener(suite.harness.store, suite.harness.dataSource);
      expect(await screener.screen(job, randomUUID(), new Date())).toEqual({ outcome: 'screened', licencesMatched: 0, licencesSuspended: 0, consignmentsFlagged: 0 });
      expect(await flagsOf(inTransit)).toHaveLength(1);
    });

    it('a new ownership fact making the end user 60 % owned by a listed party flags it, the chain in the detail', async () => {
      const [party, endUser] = [`${word()} Defence Holding`, `${word()} Abrasives GmbH`];
      const listing = await list(party, [], false, WATCH_LIST_ID);
      await finished(listing.eventId);
      const shipped = await consignmentWithout(endUser, { shipped: true });
      const arrivedLongAgo = await consignmentWithout(endUser, { arrivedAt: monthsAgo(25) });

      const fact = await owns(party, 60, endUser);

      expect(await finished(fact.eventId)).toEqual({ outcome: 'screened', licencesMatched: 0, licencesSuspended: 0, consignmentsFlagged: 1 });
      const [flag, ...more] = await flagsOf(shipped);
      expect(more).toEqual([]);
      expect(flag.metadata.causationId).toBe(fact.eventId);
      expect(detailOf(flag)).toBe(
        `Without a licence: the end user "${endUser}" (skeleton "${nameSkeleton(endUser)}") is owned 50 % or more by "${party}" through "${endUser}" is owned 60 % by "${party}";` +
          ` restricted party "${party}" (${(listing.data as { partyId: string }).partyId}, Watch List (关注名单): licence-required);` +
          ` ownership fact ${(fact.data as { factId: string }).factId} ("${party}" owns 60 % of "${endUser}") recorded ${fact.recordedAt}.`,
      );
      expect(await flagsOf(arrivedLongAgo)).toEqual([]);
    });

    it('a listing reaches an end user its party owns through a chain, on a flag list too', async () => {
      const listId = randomUUID();
      await suite.harness.store.appendToStream(restrictedListStreamId(listId), [
        { type: RESTRICTED_LIST_DEFINED, data: { listId, name: `Observed ${word()}`, description: 'observed', consequence: 'flag' }, metadata: { actor: officer } },
      ]);
      const [party, middle, endUser] = [`${word()} Brokers FZE`, `${word()} Trading GmbH`, `${word()} Glassworks GmbH`];
      for (const fact of [await owns(party, 55, middle), await owns(middle, 60, endUser)]) await finished(fact.eventId);
      const consignmentId = await consignmentWithout(endUser, { shipped: true });

      const listing = await list(party, [], false, listId);

      expect(await finished(listing.eventId)).toEqual({ outcome: 'screened', licencesMatched: 0, licencesSuspended: 0, consignmentsFlagged: 1 });
      const [flag] = await flagsOf(consignmentId);
      expect(detailOf(flag)).toContain(`is owned 50 % or more by "${party}" through "${endUser}" is owned 60 % by "${middle}", "${middle}" is owned 55 % by "${party}"`);
      expect(detailOf(flag)).toContain(': flag)');
    });
  });

  it('appends nothing twice: the job run again, or again under another id, finds everything done', async () => {
    const name = `${word()} ${word()} Rare Earths GmbH`;
    const licenceId = await licenceWith({ consignee: name });
    const consignmentId = await consignmentOn(licenceId, { shipped: true });
    const listing = await list(name, []);
    await finished(listing.eventId);
    const screener = new RestrictedPartyScreener(suite.harness.store, suite.harness.dataSource);
    const job = (await jobs.queue.getJob(listing.eventId))!.data as RestrictedPartyMatchJob;

    const again = await Promise.all([screener.screen(job, listing.eventId, new Date()), screener.screen(job, randomUUID(), new Date())]);

    expect(again).toEqual([
      { outcome: 'screened', licencesMatched: 1, licencesSuspended: 0, consignmentsFlagged: 0 },
      { outcome: 'screened', licencesMatched: 1, licencesSuspended: 0, consignmentsFlagged: 0 },
    ]);
    expect((await typesOf(licenceId)).filter((type) => type === LICENCE_SUSPENDED)).toHaveLength(1);
    expect(await flagsOf(consignmentId)).toHaveLength(1);
  });

  it('does nothing for a party delisted before its job ran, and waits while a read model is behind the listing', async () => {
    const name = `${word()} ${word()} Alloys SARL`;
    const licenceId = await licenceWith({ consignee: name });
    const listing = await list(name, [], true);

    expect(await finished(listing.eventId)).toEqual({ outcome: 'delisted' });
    expect(await typesOf(licenceId)).not.toContain(LICENCE_SUSPENDED);
    const job = (await jobs.queue.getJob(listing.eventId))!.data;
    const behind = new RestrictedPartyScreener(suite.harness.store, suite.harness.dataSource, { readModels: ['a-projection-that-never-ran'] });
    expect(await behind.screen(job, randomUUID(), new Date())).toEqual({ outcome: 'waiting' });
  });

  it('finds every match among thousands of licences, on whichever page it falls', async () => {
    const name = `${word()} ${word()} Permanent Magnets Co Ltd`;
    const matching = [`${name}`, `${name.replace('Co Ltd', 'Company Limited')}`, name.toUpperCase()];
    // 3,000 licences of unrelated names, written straight into the read model, and the three matches among them.
    await suite.harness.dataSource.query(
      `INSERT INTO licensing.licences (licence_id, exporter_org, status, destination_country, consignee, end_user, intended_end_use,
                                       applied_at, applied_position, updated_at, revision)
       SELECT 'synthetic-' || lpad(n::text, 5, '0') || '-' || $2, $1, 'issued', 'DE',
              jsonb_build_object('name', 'Synthetic Trading House ' || n, 'country', 'DE', 'address', 'Hafenstr. ' || n),
              jsonb_build_object('name', 'Synthetic Works ' || n, 'country', 'DE', 'address', 'Hafenstr. ' || n),
              'Motors', now(), 0, now(), 0
         FROM generate_series(1, 3000) AS n`,
      [SYNTHETIC_ORG, randomUUID().slice(0, 8)],
    );
    const ids = ['synthetic-00000', 'synthetic-01500', 'synthetic-99999'].map((prefix) => `${prefix}-${randomUUID()}`);
    for (const [index, licenceId] of ids.entries()) {
      await suite.harness.dataSource.query(
        `INSERT INTO licensing.licences (licence_id, exporter_org, status, destination_country, consignee, end_user, intended_end_use,
                                         applied_at, applied_position, updated_at, revision)
         VALUES ($1, $2, 'issued', 'DE', $3, $4, 'Motors', now(), 0, now(), 0)`,
        [licenceId, SYNTHETIC_ORG, { name: 'Unrelated Buyer', country: 'DE', address: 'x' }, { name: matching[index], country: 'DE', address: 'x' }],
      );
    }

    const found = await new LicencePartyMatcher(suite.harness.dataSource).matches([name]);
    const pagedSmall = await new LicencePartyMatcher(suite.harness.dataSource, 0.7, 250).matches([name]);
    // Rows written by hand are not the projection's: other suites must not meet them.
    await suite.harness.dataSource.query(`DELETE FROM licensing.licences WHERE exporter_org = $1`, [SYNTHETIC_ORG]);

    const ours3 = (matches: typeof found) => matches.filter((match) => ids.includes(match.licenceId)).map((match) => match.licenceId).sort();
    expect(ours3(found)).toEqual([...ids].sort());
    expect(found.filter((match) => match.licenceId.startsWith('synthetic-') && !ids.includes(match.licenceId))).toEqual([]);
    expect(ours3(pagedSmall)).toEqual([...ids].sort());
    for (const match of found.filter((candidate) => ids.includes(candidate.licenceId))) {
      expect(match.names).toEqual([
        { field: 'endUser', licenceName: expect.any(String), licenceSkeleton: nameSkeleton(name), partyName: name, partySkeleton: nameSkeleton(name), score: 1 },
      ]);
    }
  });
});
