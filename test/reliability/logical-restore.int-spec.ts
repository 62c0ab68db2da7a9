import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  createEventStorePool,
  EventStoreRestoreRequiredError,
  PostgresEventStore,
  Projector,
  RecordedEvent,
  restoreStepMissing,
} from '@ree/event-store';
import { checkRestoreStep } from '@ree/platform';
import { RecordingLogger, eventually } from '../../libs/event-store/src/projections/test/projector-harness';
import { RowsProjection } from '../../libs/event-store/src/projections/test/rows-projection';
import { dataSourceOptions, dropDatabase, migrate, recreateDatabase } from '../../infra/data-source';
import { restorePositions } from '../../infra/restore-positions';
import { postgresBinDir, ScratchCluster, startScratchCluster } from '../support/scratch-cluster';

/**
 * docs/decisions.md 20: a store dumped with pg_dump from a cluster whose transaction ids are high
 * and restored into a new cluster, whose ids start low, refuses to append or read until the restore
 * step runs; after it, new positions continue above the old head, readAll from the start
 * delivers old and new events in order, and a projection resuming from its restored checkpoint
 * (the old head) receives exactly the new events. The second cluster is made with initdb and
 * pg_ctl on a free port and removed afterwards, also when the test fails.
 */
const TYPE = 'RestoreSampled';
const PROJECTION = 'logical_restore_rows';
const actor = { sub: 'logical-restore', role: 'admin' };
// Quiet, the whole file takes about 20 s (the cluster's start and the transaction ids burnt are most of it).
const CEILING_MS = 300_000;

describe('positions after a logical dump and restore into a new cluster', () => {
  const sourceUrl = `${process.env.DATABASE_URL!}_logical_restore`;
  let cluster: ScratchCluster | undefined;
  const closing: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    await recreateDatabase(sourceUrl);
    await migrate(sourceUrl);
    cluster = await startScratchCluster(postgresBinDir(await serverMajor(sourceUrl)));
  }, CEILING_MS);

  afterAll(async () => {
    for (const close of closing.reverse()) await close().catch(() => undefined);
    await cluster?.stop();
    await dropDatabase(sourceUrl);
  }, CEILING_MS);

  it('continues positions above the restored head once the restore step has run', async () => {
    const scratch = cluster!;
    const targetUrl = scratch.url('ree');

    // The source: ids well above the new cluster's, events from several transactions, a projection at the head.
    await burnTransactionIds(sourceUrl, (await transactionId(scratch.url('postgres'))) + 20_000n);
    const source = await openStore(sourceUrl, closing);
    const oldEvents = await appendSamples(source.store, ['a', 'b', 'c'], 0);
    const oldHead = oldEvents.at(-1)!.position;
    await runProjectorUntil(source, await RowsProjection.create(source.dataSource.manager, 'public', PROJECTION, TYPE), oldHead);

    const dump = join(scratch.dir, 'store.dump');
    await scratch.run('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${sourceUrl}`]);
    await createDatabase(scratch.url('postgres'), 'ree');
    await scratch.run('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${targetUrl}`, dump]);

    // Without the step this cluster would hand out positions below the old head: the store refuses instead.
    expect((await transactionId(targetUrl)) << 20n).toBeLessThan(BigInt(oldHead));
    const target = await openStore(targetUrl, closing);
    const refusal = target.store.appendToStream('s-a', [sample(99)], { expectedRevision: 1 });
    await expect(refusal).rejects.toBeInstanceOf(EventStoreRestoreRequiredError);
    await expect(refusal).rejects.toThrow('run npm run restore:positions before starting the API and the worker');
    await expect(target.store.readAll()).rejects.toBeInstanceOf(EventStoreRestoreRequiredError);
    expect(await withClient(targetUrl, restoreStepMissing)).toContain('npm run restore:positions');
    // The API and the worker refuse to start on it, with that one line.
    expect(await checkRestoreStep(targetUrl)).toMatch(/^The event store was restored into another PostgreSQL cluster: run npm run restore:positions/);

    const step = await restorePositions(targetUrl);
    expect(step).toMatchObject({ head: oldHead, previousBase: '0', recorded: true });
    expect(await restorePositions(targetUrl)).toMatchObject({ base: step.base, recorded: false });
    expect(await withClient(targetUrl, restoreStepMissing)).toBeNull();
    expect(await checkRestoreStep(targetUrl)).toBeNull();
    expect(await checkRestoreStep(sourceUrl)).toBeNull();

    const newEvents = await appendSamples(target.store, ['a', 'b', 'c', 'd'], 2);
    for (const event of newEvents) expect(BigInt(event.position)).toBeGreaterThan(BigInt(oldHead));

    const all = await readEverything(target.store, newEvents.length + oldEvents.length);
    expect(all.map((event) => event.eventId)).toEqual([...oldEvents, ...newEvents].map((event) => event.eventId));
    expect(all.slice(0, oldEvents.length).map((event) => event.position)).toEqual(oldEvents.map((event) => event.position));
    expect(all.every((event, i) => i === 0 || BigInt(event.position) > BigInt(all[i - 1].position))).toBe(true);

    const resumed = new RowsProjection(PROJECTION, `public.${PROJECTION}`, TYPE);
    await runProjectorUntil(target, resumed, newEvents.at(-1)!.position);
    expect(resumed.handled).toEqual(newEvents.map((event) => event.eventId));
    const rows = await resumed.rows(target.dataSource.manager);
    expect(rows.map((row) => row.event_id).sort()).toEqual([...oldEvents, ...newEvents].map((event) => event.eventId).sort());
  }, CEILING_MS);
});

interface OpenStore {
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
}

async function openStore(url: string, closing: Array<() => Promise<unknown>>): Promise<OpenStore> {
  const pool: Pool = createEventStorePool(url, { max: 4, applicationName: 'logical-restore' });
  const store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  closing.push(() => pool.end(), () => store.close(), () => dataSource.destroy());
  return { store, dataSource };
}

function sample(value: number) {
  return { type: TYPE, data: { value }, metadata: { actor } };
}

/** One append (one transaction) per stream `s-<name>`, two events each, after `revision - 1`. */
async function appendSamples(store: PostgresEventStore, streams: readonly string[], revision: number): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  for (const [index, name] of streams.entries()) {
    const expectedRevision = revision === 0 || name === 'd' ? 'no-stream' : revision - 1;
    const { events } = await store.appendToStream(`s-${name}`, [sample(revision * 10 + index), sample(revision * 10 + index + 100)], {
      expectedRevision,
    });
    recorded.push(...events);
  }
  return recorded;
}

/** readAll from the start, page by page, until `count` events have come (the horizon may trail the commits). */
async function readEverything(store: PostgresEventStore, count: number): Promise<RecordedEvent[]> {
  let events: RecordedEvent[] = [];
  await eventually(async () => {
    events = [];
    for (let after: string | null = null; ; ) {
      const page = await store.readAll({ after, maxCount: 3 });
      if (page.events.length === 0) break;
      events.push(...page.events);
      after = page.checkpoint;
    }
    return events.length >= count;
  }, 60_000);
  return events;
}

async function runProjectorUntil(open: OpenStore, projection: RowsProjection, position: string): Promise<void> {
  const projector = new Projector({ store: open.store, dataSource: open.dataSource, projections: [projection], logger: new RecordingLogger() });
  await projector.start();
  try {
    await eventually(async () => {
      const [status] = await projector.status();
      return status.checkpoint !== null && open.store.comparePositions(status.checkpoint, position) >= 0;
    }, 60_000);
  } finally {
    await projector.stop();
  }
}

/** Commits empty transactions that each take an id until the cluster's next id reaches `target`. */
async function burnTransactionIds(url: string, target: bigint): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('SET synchronous_commit = off');
    while ((await transactionId(client)) < target) {
      await client.query('BEGIN; SELECT pg_current_xact_id(); COMMIT; '.repeat(500));
    }
  });
}

/** The id a new transaction gets now (it takes one). */
async function transactionId(where: string | Client): Promise<bigint> {
  const read = async (client: Client) => BigInt((await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid);
  return typeof where === 'string' ? withClient(where, read) : read(where);
}

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000));
}

async function createDatabase(maintenanceUrl: string, name: string): Promise<void> {
  await withClient(maintenanceUrl, (client) => client.query(`CREATE DATABASE ${name}`));
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: `logical-restore-${randomUUID().slice(0, 8)}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
