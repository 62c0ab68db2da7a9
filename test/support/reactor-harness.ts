import { createEventStorePool, PostgresEventStore, Projection, Projector } from '@ree/event-store';
import { createJobWorker, JobLedger, JobQueues, Reactor, ReactorRoute } from '@ree/platform/jobs';
import type { Job, Queue, Worker } from 'bullmq';
import { openTestDataSource } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Checkpoints this file's reactors wrote, removed after the suite so that health reports no test reactor lagging. */
const testCheckpoints = new Set<string>();

/** The store, the read-model database and a BullMQ prefix of this test run's own, closed after the suite. */
export interface ReactorHarness {
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  /** Unique per run, so that parallel runs never share queues. */
  readonly prefix: string;
  /** Queues on the real Redis under this run's prefix. */
  readonly queues: JobQueues;
}

/** Registers the suite's hooks; projectors passed to `track` are stopped before the connections close. */
export function useReactorHarness(): { readonly harness: ReactorHarness; track(projector: Projector): Projector } {
  const state = {} as { harness: ReactorHarness; pool: Pool };
  const projectors: Projector[] = [];

  beforeAll(async () => {
    const pool = createEventStorePool(process.env.DATABASE_URL!, { max: 4, applicationName: 'reactor-int-spec' });
    const prefix = `ree-test-${randomUUID().slice(0, 8)}`;
    state.pool = pool;
    state.harness = {
      store: new PostgresEventStore({ pool, pollIntervalMs: 50 }),
      dataSource: await openTestDataSource(),
      prefix,
      queues: new JobQueues({ redisUrl: REDIS_URL, prefix }),
    };
  });
  afterAll(async () => {
    const { harness } = state;
    await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
    await harness.dataSource.query(`DELETE FROM projections.checkpoints WHERE name = ANY($1)`, [[...testCheckpoints]]);
    for (const queue of ['consignment.reconcile-draws']) await harness.queues.queue(queue).obliterate({ force: true });
    await harness.queues.close();
    await harness.store.close();
    await state.pool.end();
    await harness.dataSource.destroy();
  });

  return {
    get harness() {
      return state.harness;
    },
    track(projector) {
      projectors.push(projector);
      return projector;
    },
  };
}

/** Starts a reactor at the head of the store, as if it had been deployed now: older events of the shared test database are not its business. */
export async function startAtHead(harness: ReactorHarness, name: string): Promise<void> {
  const head = await harness.store.headPosition();
  testCheckpoints.add(name);
  await harness.dataSource.query(`INSERT INTO projections.checkpoints (name, checkpoint) VALUES ($1, $2)`, [name, head]);
}

export async function checkpointOf(harness: ReactorHarness, name: string): Promise<string | null> {
  const rows: Array<{ checkpoint: string | null }> = await harness.dataSource.query(
    `SELECT checkpoint FROM projections.checkpoints WHERE name = $1`,
    [name],
  );
  return rows[0]?.checkpoint ?? null;
}

export interface JobSuiteOptions<Data> {
  /** What the reactor's checkpoint is named after (a random suffix keeps runs apart). */
  readonly name: string;
  readonly queue: string;
  readonly routes: readonly ReactorRoute[];
  /** The key of a job's subject (a consignment, a licence, a party), checked against those the suite `own`s. */
  readonly subjectOf: (data: Data) => string;
  /** The job's processing, built once the harness is open. */
  readonly processor: (harness: ReactorHarness) => (job: Job<Data>, token?: string) => Promise<unknown>;
  /** Projections the job needs beside the reactor (read models it reads), run by the same projector. */
  readonly alongside?: () => readonly Projection[];
}

/** A reactor and its queue's worker over the real PostgreSQL and Redis, for one suite. */
export interface JobSuite {
  readonly reactorName: string;
  readonly queue: Queue;
  readonly projector: Projector;
  /** Marks a subject as this suite's: the shared test database holds other suites' too, and their jobs are left alone. */
  own(subject: string): void;
}

/**
 * Registers the hooks of a reactor's reliability suite: the reactor started at the store's head
 * (older events are not its business) under a projector, and a worker on its queue that processes
 * the jobs of the subjects the suite owns and answers `another suite’s` for the rest, recording
 * every run in `jobs.jobs` as the worker's processors do. The worker and the queue are removed
 * after the suite.
 */
export function useJobSuite<Data>(suite: ReturnType<typeof useReactorHarness>, options: JobSuiteOptions<Data>): JobSuite {
  const reactorName = `reactor.${options.name}-test-${randomUUID().slice(0, 8)}`;
  const owned = new Set<string>();
  const state = {} as { queues: JobQueues; worker: Worker<Data>; projector: Projector };

  beforeAll(async () => {
    const { harness } = suite;
    state.queues = new JobQueues({ redisUrl: REDIS_URL, prefix: harness.prefix });
    await startAtHead(harness, reactorName);
    const process = options.processor(harness);
    state.worker = createJobWorker<Data>(
      options.queue,
      async (job, token?: string) => (owned.has(options.subjectOf(job.data)) ? process(job, token) : 'another suite’s'),
      { redisUrl: REDIS_URL, prefix: harness.prefix, ledger: new JobLedger(harness.dataSource, harness.prefix) },
    );
    const reactor = new Reactor(reactorName, options.routes, state.queues);
    const projections = [...(options.alongside?.() ?? []), reactor];
    state.projector = suite.track(new Projector({ store: harness.store, dataSource: harness.dataSource, projections, lockIntervalMs: 50 }));
    await state.projector.start();
  });
  afterAll(async () => {
    await state.worker.close();
    await state.queues.queue(options.queue).obliterate({ force: true });
    await state.queues.close();
  });

  return {
    reactorName,
    get queue() {
      return state.queues.queue(options.queue);
    },
    get projector() {
      return state.projector;
    },
    own: (subject) => {
      owned.add(subject);
    },
  };
}
