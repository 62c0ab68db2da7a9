import { Inject, Injectable } from '@nestjs/common';
import { FINDING_KINDS, sweepRecords, type IntegritySweepRecord } from '@ree/audit';
import { EVENT_STORE, EventStore, readHorizon } from '@ree/event-store';
import { EVENT_STORE_POOL } from '@ree/platform/event-store';
import { JOB_RECORD_STATES, JobLedger, JobQueues } from '@ree/platform/jobs';
import { Metrics, QUEUE_STATES, QueueState } from '@ree/platform/observability';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { readPool, setHorizon, setPools } from './horizon-gauges';
import { LAG_COUNT_LIMIT, projectionBacklogs, ProjectionBacklog } from './projection-backlog';

/** The BullMQ queues whose depths `/metrics` reports (`MetricsModule.forRoot({ queues })`). */
export const MONITORED_QUEUES = Symbol('MonitoredQueues');

/**
 * How long a scrape waits for the read-model database and for Redis. Past it, that part is left
 * out (and `ree_metrics_collector_up` says so) and the rest is answered: a scrape never hangs on
 * an outage, and stays well inside Prometheus's default 10 s scrape timeout.
 */
export const COLLECT_TIMEOUT_MS = 2_000;

type QueueDepth = { readonly queue: string; readonly counts: Record<QueueState, number> };
type JobCounts = Awaited<ReturnType<JobLedger['counts']>>;

/**
 * Reads, at scrape time, what is not counted as it happens (projection lag from the checkpoints,
 * queue depths from BullMQ, the jobs' states from `jobs.jobs`, the event store's readable horizon, the pools'
 * connections), sets those gauges, and renders every metric in Prometheus's text
 * format. The gauges are reset and set in one synchronous step after all reading, so a projection
 * or queue that is gone disappears and two concurrent scrapes never see each other's half.
 */
@Injectable()
export class MetricsScraper {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_STORE_POOL) private readonly eventStorePool: Pool,
    private readonly jobQueues: JobQueues,
    private readonly ledger: JobLedger,
    @Inject(MONITORED_QUEUES) private readonly queues: readonly string[],
  ) {}

  async scrape(): Promise<{ contentType: string; text: string }> {
    const [projections, queues, jobs, horizon, integrity] = await Promise.all([
      settled(withTimeout(projectionBacklogs(this.dataSource, this.store), COLLECT_TIMEOUT_MS, 'the projection checkpoints')),
      Promise.all(this.queues.map((queue) => settled(this.depthOf(queue)))),
      settled(withTimeout(this.ledger.counts(), COLLECT_TIMEOUT_MS, 'the job records')),
      settled(withTimeout(readHorizon(this.store, { countLimit: LAG_COUNT_LIMIT }), COLLECT_TIMEOUT_MS, 'the event store horizon')),
      settled(withTimeout(sweepRecords.latest(this.dataSource, 1), COLLECT_TIMEOUT_MS, 'the integrity sweeps')),
    ]);
    this.setProjections(projections);
    this.setQueues(queues);
    this.setJobs(jobs);
    this.setIntegrity(integrity);
    setHorizon(this.metrics, horizon);
    setPools(this.metrics, [readPool('events', this.eventStorePool), readPool('read-models', this.readModelPool())]);
    return this.metrics.exposition();
  }

  /** TypeORM's pg pool (its driver's `master`). */
  private readModelPool(): Pool {
    const { driver } = this.dataSource;
    if (!(driver instanceof PostgresDriver)) throw new Error(`The read models are on ${driver.options.type}, not PostgreSQL`);
    return driver.master as Pool;
  }

  private async depthOf(queue: string): Promise<QueueDepth> {
    return { queue, counts: await this.jobQueues.jobCounts(queue, QUEUE_STATES, COLLECT_TIMEOUT_MS) };
  }

  private setProjections(backlogs: readonly ProjectionBacklog[] | undefined): void {
    const { projectionLagEvents, projectionLagSeconds, collectorUp } = this.metrics;
    projectionLagEvents.reset();
    projectionLagSeconds.reset();
    for (const { name, lagEvents, lagSeconds } of backlogs ?? []) {
      projectionLagEvents.set({ projection: name }, lagEvents);
      projectionLagSeconds.set({ projection: name }, lagSeconds);
    }
    collectorUp.set({ collector: 'projections' }, backlogs ? 1 : 0);
  }

  private setQueues(depths: readonly (QueueDepth | undefined)[]): void {
    const { queueJobs, collectorUp } = this.metrics;
    queueJobs.reset();
    for (const depth of depths) {
      if (!depth) continue;
      for (const state of QUEUE_STATES) queueJobs.set({ queue: depth.queue, state }, depth.counts[state]);
    }
    collectorUp.set({ collector: 'queues' }, depths.every((depth) => depth !== undefined) ? 1 : 0);
  }

  private setJobs(counts: JobCounts | undefined): void {
    const { jobs, collectorUp } = this.metrics;
    jobs.reset();
    for (const queue of counts ?? []) for (const state of JOB_RECORD_STATES) jobs.set({ queue: queue.queue, state }, queue[state]);
    collectorUp.set({ collector: 'jobs' }, counts ? 1 : 0);
  }

  /** The last integrity sweep's findings by kind (every kind, 0 when none), and when it finished; nothing before the first. */
  private setIntegrity(sweeps: readonly IntegritySweepRecord[] | undefined): void {
    const { integrityFindings, integritySweepTimestamp, collectorUp } = this.metrics;
    integrityFindings.reset();
    integritySweepTimestamp.reset();
    const [last] = sweeps ?? [];
    if (last) {
      for (const kind of FINDING_KINDS) integrityFindings.set({ kind }, last.findings.filter((finding) => finding.kind === kind).length);
      integritySweepTimestamp.set(Date.parse(last.finishedAt) / 1000);
    }
    collectorUp.set({ collector: 'integrity' }, sweeps ? 1 : 0);
  }
}

/** The value, or undefined when the collector failed or timed out: a scrape reports what it could. */
async function settled<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
