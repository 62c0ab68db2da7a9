import { createEventStorePool, PostgresEventStore, Projector, ProjectorLogger } from '@ree/event-store';
import { keepClientErrorsHandled } from '@ree/platform/database';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../../../infra/data-source';
import { asSuperuser } from '../postgres-admin';
import { checkHistory } from './check-history';
import { FaultCounts, FaultInjector } from './faults';
import { CheckResult, Delivery } from './history';
import { HistoryProjection } from './history-projection';
import { HistoryRecorder } from './recorder';
import { lastPosition, projectionAt, readStored, within } from './settle';
import { TcpProxy } from './tcp-proxy';
import { runWorkload } from './workload';

export interface HistoryRunOptions {
  /** A migrated database of the run's own: every event in it is taken to be the run's. */
  readonly url: string;
  readonly operations: number;
  /** Default 8 clients over 32 shared streams. */
  readonly clients?: number;
  readonly streams?: number;
  /** A fault after this many operations on average (uniformly 1 to twice as many). Default 100. */
  readonly faultEvery?: number;
  /** The longest the reader, the projection and the rebuild may take to catch up afterwards. Default 60 s. */
  readonly settleCeilingMs?: number;
  /** Told every `progressEvery` operations (default 10,000) how many have ended and how long the workload has run. */
  readonly onProgress?: (done: number, elapsedMs: number) => void;
  readonly progressEvery?: number;
}

export interface HistoryRunReport {
  readonly check: CheckResult;
  readonly attempts: number;
  /** Errors the clients met, by kind. */
  readonly errors: Readonly<Record<string, number>>;
  readonly faults: FaultCounts;
  readonly delivered: number;
  readonly projectionRows: number;
  /** How long attempts took, invocation to completion: median, 99th percentile, longest. */
  readonly attemptMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly workloadMs: number;
  readonly totalMs: number;
}

/**
 * One history run (docs/reliability.md): the workload's clients append through a TCP proxy while
 * faults hit every connection of the run's database, a catch-up subscription and a projection by
 * the real Projector run beside them on the same faulty connections; afterwards the reader and
 * the projection catch up, the projection is rebuilt from zero on clean connections, the store is
 * read straight from its table, and the checker compares it all with the recorded history.
 */
export async function runHistory(options: HistoryRunOptions): Promise<HistoryRunReport> {
  const started = performance.now();
  const settleCeilingMs = options.settleCeilingMs ?? 60_000;
  const target = new URL(options.url);
  const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
  const proxied = (application: string): string => {
    const url = new URL(options.url);
    url.host = `127.0.0.1:${proxy.port}`;
    url.searchParams.set('application_name', application);
    // The WAL flush of each commit is the run's bottleneck on a shared disk (a 6x slower run), and no
    // fault here touches the server's durability: acknowledged commits stay visible and ordered.
    url.searchParams.set('options', '-c synchronous_commit=off');
    return url.toString();
  };
  // The operator's connection (creates the test's tables, terminates backends); the product connects as options.url's role.
  const admin = new Pool({ connectionString: asSuperuser(options.url), max: 3, application_name: 'history-checker' });
  admin.on('error', () => undefined);
  const clients = options.clients ?? 8;
  const prefix = `h${randomUUID().slice(0, 8)}`;
  const live = new HistoryProjection(`history_${prefix}`, `history_${prefix}`);
  const pool = createEventStorePool(proxied('history-store'), { max: clients + 4, applicationName: 'history-store' });
  const store = new PostgresEventStore({ pool, listenConnectionString: proxied('history-listen'), pollIntervalMs: 50 });
  let dataSource: DataSource | undefined;
  const stops: Array<() => Promise<unknown>> = [];
  try {
    await live.createTables(admin);
    dataSource = await openDataSource(proxied('history-projector'));
    const projector = new Projector({ store, dataSource, projections: [live], batchSize: 200, lockIntervalMs: 50, initialBackoffMs: 20, maxBackoffMs: 500, logger: silent });
    await projector.start();
    stops.push(() => projector.stop());
    const after = await store.headPosition();
    const deliveries: Delivery[] = [];
    const subscription = store.subscribeToAll({
      after,
      batchSize: 500,
      handler: async (events) => void events.forEach((event) => deliveries.push({ eventId: event.eventId, position: event.position })),
    });
    stops.push(() => subscription.stop());

    const recorder = new HistoryRecorder();
    const faults = new FaultInjector(admin, decodeURIComponent(target.pathname.slice(1)), proxy);
    const faultEvery = options.faultEvery ?? 100;
    const injecting = new Set<Promise<void>>();
    let nextFault = faultEvery;
    const workloadStarted = performance.now();
    await runWorkload({
      store,
      recorder,
      operations: options.operations,
      clients,
      streams: options.streams ?? 32,
      prefix,
      onOperation: (done) => {
        if (options.onProgress && done % (options.progressEvery ?? 10_000) === 0) options.onProgress(done, performance.now() - workloadStarted);
        if (done < nextFault) return;
        nextFault = done + 1 + Math.floor(Math.random() * 2 * faultEvery);
        const fault: Promise<void> = faults.inject().finally(() => injecting.delete(fault));
        injecting.add(fault);
      },
    });
    await Promise.all(injecting);
    const workloadMs = performance.now() - workloadStarted;

    const head = await lastPosition(admin);
    if (head !== null) {
      await within(subscription.caughtUp(), settleCeilingMs, 'The catch-up reader');
      await projectionAt(admin, live.name, head, settleCeilingMs);
    }
    for (const stop of stops.splice(0).reverse()) await stop();
    const rebuilt = await rebuild(options.url, admin, live, head, settleCeilingMs);
    const liveRows = await live.rows(admin);
    const stored = await readStored(admin);
    const check = checkHistory({ attempts: recorder.attempts, stored, catchUp: { after, deliveries }, projection: { live: liveRows, rebuilt } });
    return {
      check,
      attempts: recorder.attempts.length,
      errors: Object.fromEntries(recorder.errors),
      faults: faults.counts,
      delivered: deliveries.length,
      projectionRows: liveRows.length,
      attemptMs: percentiles(recorder.attempts.map((attempt) => attempt.completedAt - attempt.invokedAt)),
      workloadMs,
      totalMs: performance.now() - started,
    };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await store.close();
    await pool.end();
    await dataSource?.destroy();
    await admin.end();
    await proxy.close();
  }
}

/** The projection built again from the first event, by a projector of its own on direct connections, into a fresh schema. */
async function rebuild(url: string, admin: Pool, live: HistoryProjection, head: string | null, ceilingMs: number): Promise<string[]> {
  const clean = new HistoryProjection(`${live.name}_rebuild`, `${live.schema}_rebuild`);
  await clean.createTables(admin);
  const pool = createEventStorePool(url, { max: 4, applicationName: 'history-checker' });
  const store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
  const dataSource = await openDataSource(url);
  const projector = new Projector({ store, dataSource, projections: [clean], batchSize: 1_000, lockIntervalMs: 50, logger: silent });
  try {
    await projector.start();
    if (head !== null) await projectionAt(admin, clean.name, head, ceilingMs);
    return await clean.rows(admin);
  } finally {
    await projector.stop();
    await store.close();
    await pool.end();
    await dataSource.destroy();
  }
}

async function openDataSource(url: string): Promise<DataSource> {
  const name = new URL(url).searchParams.get('application_name') ?? 'history-checker';
  return new DataSource({ ...dataSourceOptions(url), applicationName: name, migrations: [], extra: { onConnect: keepClientErrorsHandled } } as DataSourceOptions).initialize();
}

function percentiles(durations: number[]): HistoryRunReport['attemptMs'] {
  const sorted = durations.sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
}

/** The projectors' complaints under faults are expected: the checker judges the outcome. */
const silent: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
