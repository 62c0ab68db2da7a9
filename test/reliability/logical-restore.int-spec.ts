import { RecordedEvent } from '@ree/shared-kernel';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  createEventStorePool,
  EventStoreRestoreRequiredError,
  PostgresEventStore,
  Projector,
  restoreStepMissing,
} from '@ree/event-store';
import { checkRestoreStep } from '@ree/platform/database';
import { RecordingLogger } from '@ree/event-store/testing/schema-harness';
import { RowsProjection } from '@ree/event-store/testing/rows-projection';
import { dataSourceOptions, dropDatabase, migrate, recreateDatabase } from '../../infra/data-source';
import { MIGRATIONS } from '../../infra/migrations';
import { PositionEpochs1764300010000 } from '../../infra/migrations/1764300010000-position-epochs';
import { restorePositions } from '../../infra/restore-positions';
import { asSuperuser, burnTransactionIds, createDatabase, serverMajor, transactionId, withClient } from '../support/postgres-admin';
import { postgresBinDir, ScratchCluster, startScratchCluster } from '../support/scratch-cluster';
import { eventually } from '@ree/testing';

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
// Quiet, the whole file takes about 25 s (initdb, the start of the cluster and the burnt transaction ids most of it).
const CEILING_MS = 300_000;

describe('positions after a logical dump and restore into a new cluster', () => {
  // An operator's work (dumps, restores, a cluster of its own): as the test run's superuser.
  const sourceUrl = `${asSuperuser(process.env.DATABASE_URL!)}_logical_restore`;
  const olderSourceUrl = `${asSuperuser(process.env.DATABASE_URL!)}_logical_restore_older`;
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
    await dropDatabase(olderSourceUrl);
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

  it('a dump of the version before position bases refuses, once migrated on the new cluster, until the step has run', async () => {
    const scratch = cluster!;
    const targetUrl = scratch.url('ree_older');
    await burnTransactionIds(sourceUrl, (await transactionId(scratch.url('postgres'))) + 20_000n);
    await recreateDatabase(olderSourceUrl);
    await migrateBeforePositionBases(olderSourceUrl);
    const oldHead = await appendAsBeforePositionBases(olderSourceUrl);

    const dump = join(scratch.dir, 'older.dump');
    await scratch.run('pg_dump', ['--format=custom', `--file=${dump}`, `--dbname=${olderSourceUrl}`]);
    // Upgraded where it is, the store goes on without a step: its head came from this cluster's counter.
    await migrate(olderSourceUrl);
    expect(await withClient(olderSourceUrl, restoreStepMissing)).toBeNull();

    await createDatabase(scratch.url('postgres'), 'ree_older');
    await scratch.run('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${targetUrl}`, dump]);
    await migrate(targetUrl);
    expect(await withClient(targetUrl, restoreStepMissing)).toContain('npm run restore:positions');

    expect(await restorePositions(targetUrl)).toMatchObject({ head: oldHead, recorded: true });
    const target = await openStore(targetUrl, closing);
    const { position } = await target.store.appendToStream('after-upgrade', [sample(1)], { expectedRevision: 'no-stream' });
    expect(BigInt(position)).toBeGreaterThan(BigInt(oldHead));
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

async function migrateBeforePositionBases(url: string): Promise<void> {
  const migrations = MIGRATIONS.filter((migration) => migration !== PositionEpochs1764300010000);
  const dataSource = new DataSource(dataSourceOptions(url, { migrations }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}

/** Appends two streams as the version before position bases did, `(xid << 20) + n`; answers the head. */
async function appendAsBeforePositionBases(url: string): Promise<string> {
  return withClient(url, async (client) => {
    for (const streamId of ['older-a', 'older-b']) {
      await client.query(
        `INSERT INTO event_store.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
         SELECT (pg_current_xact_id()::text::bigint << 20) + n, gen_random_uuid(), $1, n, $2, 1, '{"value": 1}', '{}', now()
         FROM generate_series(0, 1) n`,
        [streamId, TYPE],
      );
    }
    return (await client.query<{ head: string }>('SELECT max(position)::text AS head FROM event_store.events')).rows[0].head;
  });
}
