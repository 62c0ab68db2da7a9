/**
 * the `projection-rebuild` bar of docs/quality.md, "Performance", for the review projection:
 * `npx ts-node --transpile-only -r tsconfig-paths/register bench/review-rebuild.ts`. Creates its own
 * database (`ree_bench_review`, on the server of `DATABASE_URL`), migrates it, appends
 * BENCH_EVENTS (200,000) realistic lifecycle events through the PostgreSQL event store, one append
 * per command as the handlers make them, from BENCH_WRITERS (16) lifecycles in flight (mines
 * registered first, each licence shared by four consignments, corrections, shipments, checks),
 * then times the projector running the review projection alone from an empty read model until it
 * has caught up, and checks one document against the pure fold. The database is dropped at the end
 * (kept with BENCH_KEEP_DATABASE=true).
 */
import { createEventStorePool, PostgresEventStore, Projector } from '@ree/event-store';
import { loadConfig } from '@ree/platform/config';
import { configuredFlagPolicy, reviewDocument, ReviewProjection } from '@ree/review';
import { inputOf, Lifecycles } from '@ree/review/testing/lifecycles';
import type { RecordedEvent } from '@ree/shared-kernel';
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, migrate, recreateDatabase } from '../infra/data-source';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ree');
url.pathname = '/ree_bench_review';

/** One licence and the four consignments that ship on it, each from registration to close. */
async function licenceAndItsConsignments(lifecycles: Lifecycles, mines: readonly string[], n: number): Promise<void> {
  const licence = await lifecycles.licence(4000);
  for (let i = 0; i < 4; i++) {
    const mine = mines[(n + i) % mines.length];
    const consignmentId = await lifecycles.register(1000, 950);
    await lifecycles.source(consignmentId, mine, 'd-1', 600);
    await lifecycles.source(consignmentId, mine, 'd-2', 500);
    if (i === 0) await lifecycles.correctSource(consignmentId, mine, { id: 'd-2', kgReo: 500 }, 'd-3', 450);
    await lifecycles.step(consignmentId, 's-1', 'beneficiation', 1100 - (i === 0 ? 50 : 0), 1020);
    await lifecycles.step(consignmentId, 's-2', 'separation', 1020, 960);
    await lifecycles.attach(consignmentId, licence, 1000);
    await lifecycles.endUse(consignmentId);
    await lifecycles.declareShipment(consignmentId, 1000);
    await lifecycles.inspect(consignmentId, i === 1 ? 960 : 999);
    await lifecycles.release(consignmentId, licence, 1000);
    await lifecycles.depart(consignmentId);
    await lifecycles.arrive(consignmentId);
    await lifecycles.check(consignmentId, 'verified');
  }
}

async function append(store: PostgresEventStore): Promise<number> {
  let appended = 0;
  const lifecycles = new Lifecycles(store);
  const appendCommand = lifecycles.append.bind(lifecycles);
  lifecycles.append = (streamId, events, actor) => {
    appended += events.length;
    return appendCommand(streamId, events, actor);
  };
  const mines: string[] = [];
  for (let i = 0; i < 20; i++) mines.push(await lifecycles.mine(`Mine ${i}`));
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (appended < EVENTS) await licenceAndItsConsignments(lifecycles, mines, next++);
    }),
  );
  return appended;
}

async function caughtUp(dataSource: DataSource, store: PostgresEventStore, name: string, head: string): Promise<void> {
  for (;;) {
    const [row] = await dataSource.query(`SELECT checkpoint FROM projections.checkpoints WHERE name = $1`, [name]);
    if (row?.checkpoint && store.comparePositions(row.checkpoint, head) >= 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main(): Promise<void> {
  await recreateDatabase(url.toString());
  await migrate(url.toString());
  const pool = createEventStorePool(url.toString(), { max: WRITERS + 2 });
  const store = new PostgresEventStore({ pool });
  const dataSource = await new DataSource(dataSourceOptions(url.toString())).initialize();
  try {
    const appendStarted = Date.now();
    const events = await append(store);
    const head = await store.headPosition();
    console.log(`appended ${events} events in ${((Date.now() - appendStarted) / 1000).toFixed(1)} s`);
    await dataSource.query('VACUUM ANALYZE event_store.events');

    const config = loadConfig({});
    const projection = new ReviewProjection(config);
    const projector = new Projector({ store, dataSource, projections: [projection] });
    const started = Date.now();
    await projector.start();
    await caughtUp(dataSource, store, projection.name, head!);
    const seconds = (Date.now() - started) / 1000;
    await projector.stop();
    const [{ consignments }] = await dataSource.query(`SELECT count(*)::int AS consignments FROM review.consignments`);
    console.log(`review projection: ${events} events, ${consignments} consignments, from empty to caught up in ${seconds.toFixed(1)} s: ${Math.round(events / seconds)} events/s`);
    console.log(`(${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')})`);

    const [{ consignment_id, document }] = await dataSource.query(`SELECT consignment_id, document FROM review.consignments ORDER BY registered_at DESC LIMIT 1`);
    const all: RecordedEvent[] = [];
    for (let after: string | null = null; ; ) {
      const page = await store.readAll({ after, maxCount: 10_000 });
      all.push(...page.events);
      if (page.events.length < 10_000) break;
      after = page.checkpoint;
    }
    const expected = reviewDocument(inputOf(all, consignment_id), consignment_id, configuredFlagPolicy(config));
    console.log(`the newest document equals the pure fold: ${isDeepStrictEqual(JSON.parse(JSON.stringify(expected)), document)}`);
  } finally {
    await store.close();
    await pool.end();
    await dataSource.destroy();
    if (process.env.BENCH_KEEP_DATABASE !== 'true') await dropDatabase(url.toString());
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
