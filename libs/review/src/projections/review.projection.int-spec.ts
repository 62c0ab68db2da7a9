import type { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { Projection, Projector } from '@ree/event-store';
import { loadConfig } from '@ree/platform/config';
import { createTestSchema, useProjectorHarness } from '@ree/testing';
import { reviewDocument } from '../review-document/review-document.fold';
import { configuredFlagPolicy } from './configured-flag-policy';
import { inputOf, Lifecycles } from '../testing/lifecycles';
import { REVIEW_EVENT_TYPES, ReviewProjection } from './review.projection';

const TABLES = { consignments: 'consignment_id', flags: 'consignment_id, seq', licence_consignments: 'licence_id, consignment_id', licences: 'licence_id', mines: 'mine_id' };
const config = loadConfig({ NODE_ENV: 'test', LOW_YIELD_FLOORS: 'separation=0.95' });
const policy = configuredFlagPolicy(config);
const fresh = (prefix: string): string => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;

describe('the review projection', () => {
  // Its own database: the tests compare whole tables, which other suites' events would fill too.
  const harness = useProjectorHarness({ privateDatabase: 'review_projection' });
  const db = () => harness.dataSource;
  let lifecycles: Lifecycles;
  beforeEach(() => {
    lifecycles = new Lifecycles(harness.store);
  });

  /** A copy of schema `review` for one test: every table with its indexes, empty. */
  async function freshSchema(): Promise<string> {
    const schema = fresh('review_test');
    await createTestSchema(harness.owner, schema, { blueGreen: true });
    for (const table of Object.keys(TABLES)) await harness.owner.query(`CREATE TABLE ${schema}.${table} (LIKE review.${table} INCLUDING ALL)`);
    return schema;
  }

  /** The review projection writing into `schema` (as a blue/green copy would), under a checkpoint name of the test's own. */
  function projectionIn(schema: string): Projection {
    const review = new ReviewProjection(config).blueGreen.inSchema(schema);
    return { name: fresh('review'), eventTypes: review.eventTypes, handle: (events, tx) => review.handle(events, tx), reset: (tx) => review.reset(tx) };
  }

  async function projected(schema: string, batchSize = 500): Promise<{ projector: Projector; projection: Projection }> {
    const projection = projectionIn(schema);
    const projector = await harness.run([projection], { batchSize });
    await harness.caughtUp(projection.name, lifecycles.last);
    return { projector, projection };
  }

  async function allEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (let after: string | null = null; ; ) {
      const page = await harness.store.readAll({ after, maxCount: 1000 });
      events.push(...page.events);
      if (page.events.length < 1000) return events;
      after = page.checkpoint;
    }
  }

  /** Every table's whole content, in key order. */
  async function contentOf(schema: string): Promise<Record<string, unknown[]>> {
    const content: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(TABLES)) content[table] = await db().query(`SELECT * FROM ${schema}.${table} ORDER BY ${key}`);
    return content;
  }

  const rowOf = async (schema: string, consignmentId: string) =>
    (await db().query(`SELECT * FROM ${schema}.consignments WHERE consignment_id = $1`, [consignmentId]))[0];

  /** A licence shared by two consignments (one cancelled), corrections, a suspension in transit, a flag from a job. */
  async function sharedLicenceStory() {
    const mine = await lifecycles.mine();
    const licence = await lifecycles.licence(5000);
    const shipped = await lifecycles.register(1000, 900);
    await lifecycles.source(shipped, mine, 'd-1', 700);
    await lifecycles.correctSource(shipped, mine, { id: 'd-1', kgReo: 700 }, 'd-2', 1000);
    await lifecycles.step(shipped, 's-1', 'separation', 1000, 900);
    await lifecycles.step(shipped, 's-2', 'separation', 1000, 960, 's-1');
    await lifecycles.attach(shipped, licence, 1000);
    const cancelled = await lifecycles.register(2000);
    await lifecycles.source(cancelled, mine, 'd-3', 2000);
    await lifecycles.attach(cancelled, licence, 2000);
    await lifecycles.endUse(shipped);
    await lifecycles.cancel(cancelled, [{ mineId: mine, declarationId: 'd-3', kgReo: 2000 }], { licenceId: licence, kg: 2000 });
    await lifecycles.declareShipment(shipped, 1000);
    await lifecycles.inspect(shipped, 1000);
    await lifecycles.release(shipped, licence, 1000);
    await lifecycles.depart(shipped);
    await lifecycles.licenceDecision(licence, 'LicenceSuspended');
    await lifecycles.licenceDecision(licence, 'LicenceReinstated');
    await lifecycles.flag(shipped, 'ARRIVAL_NOT_CONFIRMED', 'medium', 'No arrival 60 days after departure');
    await lifecycles.arrive(shipped);
    await lifecycles.check(shipped, 'verified');
    return { mine, licence, shipped, cancelled };
  }

  it('keeps each document equal to the pure fold of the consignment\'s, its licence\'s and its mines\' events', async () => {
    const { licence, shipped, cancelled } = await sharedLicenceStory();
    const unsourced = await lifecycles.register(50);
    const schema = await freshSchema();
    await projected(schema, 7);
    const events = await allEvents();

    for (const consignmentId of [shipped, cancelled, unsourced]) {
      expect((await rowOf(schema, consignmentId)).document).toEqual(reviewDocument(inputOf(events, consignmentId), consignmentId, policy));
    }
    const document = (await rowOf(schema, shipped)).document;
    expect(document.timeline.slice(0, 6).map((entry: { type: string }) => entry.type)).toEqual([
      'LicenceApplied', 'LicenceScreened', 'LicenceScreened', 'LicenceApproved', 'LicenceScreened', 'LicenceIssued',
    ]);
    expect(document.miningSources).toMatchObject([{ declarationId: 'd-2', mineName: 'Bayan Obo', quota: 'drawn', correctsId: 'd-1' }]);
    expect(document.licence).toMatchObject({ licenceId: licence, status: 'issued', allocatedKg: 1000, shippedKg: 1000, remainingKg: 4000 });
    expect(await rowOf(schema, shipped)).toMatchObject({
      status: 'end-use-checked',
      exporter_org: 'baotou-rare-earth',
      element: 'Nd',
      hs_code: '2846.90',
      destination_country: 'DE',
      product: 'Neodymium oxide',
      quantity_grams: '1000000',
      licence_id: licence,
      shipped_grams: '1000000',
      last_position: document.lastPosition,
      updated_at: new Date(document.timeline.at(-1).at),
      open_flags: [],
      open_severities: [],
    });
    expect(await db().query(`SELECT code, cleared_at IS NOT NULL AS cleared FROM ${schema}.flags WHERE consignment_id = $1 ORDER BY seq`, [shipped])).toEqual([
      { code: 'SOURCE_SHORTFALL', cleared: true },
      { code: 'LOW_YIELD', cleared: true },
      { code: 'LICENCE_SUSPENDED_IN_TRANSIT', cleared: true },
      { code: 'ARRIVAL_NOT_CONFIRMED', cleared: true },
    ]);
    expect(await rowOf(schema, cancelled)).toMatchObject({ status: 'cancelled', licence_id: licence, shipped_grams: '0', released_on: null });
    expect((await rowOf(schema, unsourced)).document.timeline).toHaveLength(1);
    expect(await db().query(`SELECT licence_id, consignment_id FROM ${schema}.licence_consignments ORDER BY consignment_id`)).toEqual(
      [shipped, cancelled].sort().map((consignmentId) => ({ licence_id: licence, consignment_id: consignmentId })),
    );
  });

  it('folds the classifications: the latest in the document and the control_code / controlled columns, HS_CODE_MISMATCH from it, a release without a licence counted at its declared mass', async () => {
    const mine = await lifecycles.mine();
    const dysprosium = await lifecycles.register(500);
    await lifecycles.classify(dysprosium, 'registration', { on: '2025-04-10', controlCode: '1C905', hsCodeMatches: false });
    const cerium = await lifecycles.register(800);
    await lifecycles.classify(cerium, 'registration', { on: '2025-04-10', controlCode: null });
    await lifecycles.source(cerium, mine, 'd-1', 800);
    await lifecycles.endUse(cerium);
    await lifecycles.notice(cerium, 'Checked on request of the exporter');
    await lifecycles.classify(cerium, 'shipment-declaration', { on: '2025-04-11', controlCode: null, licenceRequired: false });
    await lifecycles.declareShipment(cerium, 800);
    await lifecycles.releaseWithoutLicence(cerium);
    const schema = await freshSchema();
    await projected(schema);
    const events = await allEvents();

    for (const consignmentId of [dysprosium, cerium]) {
      expect((await rowOf(schema, consignmentId)).document).toEqual(reviewDocument(inputOf(events, consignmentId), consignmentId, policy));
    }
    expect(await rowOf(schema, dysprosium)).toMatchObject({ control_code: '1C905', controlled: true, open_flags: ['HS_CODE_MISMATCH'], open_severities: ['high'] });
    expect((await rowOf(schema, dysprosium)).document.classification).toMatchObject({
      stage: 'registration', on: '2025-04-10', listPosition: '42', controlled: true, controlCode: '1C905', licenceRequired: true,
      entries: [{ controlCode: '1C905', announcement: 'MOFCOM/GACC Announcement No. 18 of 2025' }],
    });
    const shippedWithout = await rowOf(schema, cerium);
    expect(shippedWithout).toMatchObject({ control_code: null, controlled: false, licence_id: null, shipped_grams: '800000', status: 'released' });
    expect(shippedWithout.document.classification).toMatchObject({ stage: 'shipment-declaration', on: '2025-04-11', licenceRequired: false });
    expect(shippedWithout.document.licenceNotices).toMatchObject([{ reason: 'Checked on request of the exporter', notifiedBy: 'officer-wang' }]);
    expect(shippedWithout.document.timeline.map((entry: { summary: string }) => entry.summary)).toContain(
      'Classified at shipment-declaration by the list of 2025-04-11: not on the control list, licence not required',
    );
  });

  it('shows a mine registered long before the source by its name, and one never registered by its id only', async () => {
    const mine = await lifecycles.mine('Maoniuping');
    const consignmentId = await lifecycles.register(400);
    await lifecycles.source(consignmentId, mine, 'd-1', 300);
    await lifecycles.source(consignmentId, randomUUID(), 'd-2', 100);
    const schema = await freshSchema();
    await projected(schema);

    const { document } = await rowOf(schema, consignmentId);
    expect(document.miningSources.map((source: { mineName: string | null }) => source.mineName)).toEqual(['Maoniuping', null]);
    expect(document).toEqual(reviewDocument(inputOf(await allEvents(), consignmentId), consignmentId, policy));
  });

  it('leaves out the draws and allocations of streams the consignment never drew on, and shows those of a mine it names later', async () => {
    const named = await lifecycles.mine('Bayan Obo');
    const unnamed = await lifecycles.mine('Jianglushan');
    const attached = await lifecycles.licence(3000);
    const abandoned = await lifecycles.licence(3000);
    const consignmentId = await lifecycles.register(1000);
    await lifecycles.orphanDraw(consignmentId, unnamed, 'd-0', 500);
    await lifecycles.orphanDraw(consignmentId, named, 'd-1', 400);
    await lifecycles.orphanAllocation(consignmentId, abandoned, 1000);
    const schema = await freshSchema();
    const { projection } = await projected(schema, 2);
    await lifecycles.source(consignmentId, named, 'd-2', 1000);
    await lifecycles.attach(consignmentId, attached, 1000);
    await harness.caughtUp(projection.name, lifecycles.last);

    const { document } = await rowOf(schema, consignmentId);
    expect(document).toEqual(reviewDocument(inputOf(await allEvents(), consignmentId), consignmentId, policy));
    const streams = new Set(document.timeline.map((entry: { streamId: string }) => entry.streamId));
    expect([...streams].sort()).toEqual([`consignment-${consignmentId}`, `licence-${attached}`, `mine-${named}`].sort());
    expect(document.timeline.filter((entry: { streamId: string }) => entry.streamId === `mine-${named}`)).toHaveLength(3);
    const pending = await db().query(`SELECT mine_id, jsonb_array_length(pending) AS n FROM ${schema}.mines WHERE mine_id = ANY($1) ORDER BY mine_id`, [[named, unnamed]]);
    expect(pending).toEqual([{ mine_id: named, n: 0 }, { mine_id: unnamed, n: 2 }].sort((a, b) => a.mine_id.localeCompare(b.mine_id)));
  });

  it('leaves the same rows when the same events come again, whole or in overlapping parts', async () => {
    await sharedLicenceStory();
    const schema = await freshSchema();
    const { projection } = await projected(schema, 11);
    const once = await contentOf(schema);
    const events = await allEvents();

    await db().transaction((tx) => projection.handle(events, tx));
    await db().transaction((tx) => projection.handle(events.slice(events.length - 25), tx));
    await db().transaction((tx) => projection.handle(events.slice(events.length - 40, events.length - 10), tx));

    expect(await contentOf(schema)).toEqual(once);
  });

  it('rebuilds row for row what the incremental build made, in every table', async () => {
    await sharedLicenceStory();
    const schema = await freshSchema();
    const { projector, projection } = await projected(schema, 5);
    const incremental = await contentOf(schema);
    expect(incremental.flags.length).toBeGreaterThan(0);

    await projector.rebuild(projection.name);
    expect(await contentOf(schema)).toEqual(incremental);

    // The projector replayed every event of the database, the other tests' too: so does one batch of all of them.
    const inOneBatch = await freshSchema();
    await db().transaction(async (tx) => projectionIn(inOneBatch).handle(await allEvents(), tx));
    expect(await contentOf(inOneBatch)).toEqual(incremental);
  });

  it('rebuilds blue/green through the projector: a copy of its schema filled from the start, then switched in', async () => {
    await sharedLicenceStory();
    const schema = await freshSchema();
    const projection = new ReviewProjection(config).blueGreen.inSchema(schema);
    const projector = await harness.run([projection], { batchSize: 50 });
    await harness.caughtUp(projection.name, lifecycles.last);
    const built = await contentOf(schema);
    await db().query(`UPDATE ${schema}.consignments SET status = 'stale', document = '{}'`);

    await projector.rebuild(projection.name);

    expect(await contentOf(schema)).toEqual(built);
    expect(await db().query(`SELECT mode, phase FROM projections.rebuilds WHERE name = $1`, [projection.name])).toEqual([{ mode: 'blue-green', phase: 'done' }]);
    expect(await db().query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${schema}\\_%`])).toEqual([]);
  });

  it('writes one flag row per flag raised, with the position that raised it, and clears it in place', async () => {
    const mine = await lifecycles.mine();
    const licence = await lifecycles.licence(1000);
    const consignmentId = await lifecycles.register(1000);
    await lifecycles.source(consignmentId, mine, 'd-1', 1100);
    await lifecycles.step(consignmentId, 's-1', 'separation', 1100, 1000);
    const lowYieldAt = lifecycles.last;
    await lifecycles.step(consignmentId, 's-2', 'separation', 1050, 1000, 's-1');
    const clearedAt = lifecycles.last;
    await lifecycles.attach(consignmentId, licence, 1000);
    await lifecycles.declareShipment(consignmentId, 1000);
    await lifecycles.inspect(consignmentId, 950);
    const discrepancyAt = lifecycles.last;
    await lifecycles.release(consignmentId, licence, 1000);
    await lifecycles.depart(consignmentId);
    await lifecycles.flag(consignmentId, 'RESTRICTED_PARTY_MATCH', 'critical', 'Consignee matches a party listed on 2025-03-14');
    const schema = await freshSchema();
    await projected(schema, 3);

    const flags = await db().query(
      `SELECT seq, flag_key, code, severity, exporter_org, raised_position::text AS raised_position, cleared_at IS NULL AS open FROM ${schema}.flags
        WHERE consignment_id = $1 ORDER BY seq`,
      [consignmentId],
    );
    expect(flags).toEqual([
      { seq: 0, flag_key: 'LOW_YIELD:s-1', code: 'LOW_YIELD', severity: 'medium', exporter_org: 'baotou-rare-earth', raised_position: lowYieldAt, open: false },
      { seq: 1, flag_key: 'WEIGHT_DISCREPANCY', code: 'WEIGHT_DISCREPANCY', severity: 'high', exporter_org: 'baotou-rare-earth', raised_position: discrepancyAt, open: true },
      { seq: 2, flag_key: 'RESTRICTED_PARTY_MATCH', code: 'RESTRICTED_PARTY_MATCH', severity: 'critical', exporter_org: 'baotou-rare-earth', raised_position: lifecycles.last, open: true },
    ]);
    const { document, open_flags, open_severities } = await rowOf(schema, consignmentId);
    const [cleared] = await harness.store.readAll({ after: (BigInt(clearedAt) - 1n).toString(), maxCount: 1 }).then((page) => page.events);
    expect(document.flags[0]).toMatchObject({ key: 'LOW_YIELD:s-1', clearedAt: cleared.recordedAt });
    expect([open_flags, open_severities]).toEqual([['WEIGHT_DISCREPANCY', 'RESTRICTED_PARTY_MATCH'], ['high', 'critical']]);
    expect(await db().query(`SELECT raised_at FROM ${schema}.flags WHERE consignment_id = $1 ORDER BY seq`, [consignmentId])).toEqual(
      document.flags.map((flag: { raisedAt: string }) => ({ raised_at: new Date(flag.raisedAt) })),
    );
  });

  it('reads every event type of the three contexts, writes only the schema it is given, and reset empties it', async () => {
    expect(REVIEW_EVENT_TYPES).toEqual(expect.arrayContaining(['ConsignmentRegistered', 'LicenceAttached', 'LicenceSuspended', 'MineRegistered', 'MiningQuotaDrawn']));
    const consignmentId = await lifecycles.register(10);
    const schema = await freshSchema();
    const { projection } = await projected(schema);
    expect(await rowOf(schema, consignmentId)).toBeDefined();
    expect(await db().query(`SELECT count(*)::int AS n FROM review.consignments WHERE consignment_id = $1`, [consignmentId])).toEqual([{ n: 0 }]);

    await db().transaction((tx) => projection.reset(tx));
    const content = await contentOf(schema);
    expect(Object.values(content).every((rows) => rows.length === 0)).toBe(true);
  });
});
