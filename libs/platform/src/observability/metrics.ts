import type { AppendObserver } from '@ree/event-store';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Every metric of the product starts with this, Node's own included. */
export const METRIC_PREFIX = 'ree_';

/** `ok`: answered 2xx; `rejected`: refused with a 4xx (its problem code is the `code` label); `error`: a 5xx. */
export type CommandOutcome = 'ok' | 'rejected' | 'error';

/** The BullMQ states a queue's depth is reported in. */
export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Appends take milliseconds; the upper buckets catch a database under strain or a lock wait. */
const APPEND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The product's Prometheus metrics of one application instance, in its own registry (never
 * prom-client's global one, so that two instances in one process, as in the tests, do not
 * collide). Counters and the histogram move as things happen; the gauges are set by whoever
 * scrapes, from what it reads at that moment (the API's `GET /metrics`).
 */
export class Metrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: `${METRIC_PREFIX}commands_total`,
    help: 'Commands received over HTTP, by command, outcome (ok, rejected, error) and problem code (empty when ok).',
    labelNames: ['command', 'outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly appendSeconds = new Histogram({
    name: `${METRIC_PREFIX}event_store_append_seconds`,
    help: 'Duration of event-store appends (head lookup, insert and retries), by outcome (ok, conflict, failed).',
    labelNames: ['outcome'] as const,
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });

  readonly projectionLagEvents = new Gauge({
    name: `${METRIC_PREFIX}projection_lag_events`,
    help: 'Events after the projection checkpoint, counted at scrape time up to a limit.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLagSeconds = new Gauge({
    name: `${METRIC_PREFIX}projection_lag_seconds`,
    help: 'Age of the oldest event the projection has not applied yet, at scrape time; 0 when caught up.',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: `${METRIC_PREFIX}queue_jobs`,
    help: 'Jobs in a BullMQ queue by state (waiting, delayed, active, failed), read at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly horizonLagEvents = new Gauge({
    name: `${METRIC_PREFIX}event_store_horizon_lag_events`,
    help: 'Committed events that no reader of the event store can see yet (an open transaction holds the readable horizon back), at scrape time, counted up to 10,000.',
    registers: [this.registry],
  });

  readonly horizonLagSeconds = new Gauge({
    name: `${METRIC_PREFIX}event_store_horizon_lag_seconds`,
    help: 'Age of the oldest committed event that no reader can see yet, at scrape time; 0 when none waits.',
    registers: [this.registry],
  });

  readonly horizonHolderSeconds = new Gauge({
    name: `${METRIC_PREFIX}event_store_horizon_holder_seconds`,
    help: 'How long the oldest open transaction of the cluster, which holds the readable horizon back, has been open; only while events wait behind it.',
    labelNames: ['pid', 'database', 'application'] as const,
    registers: [this.registry],
  });

  readonly poolConnections = new Gauge({
    name: `${METRIC_PREFIX}db_pool_connections`,
    help: 'Connections of a PostgreSQL pool of this instance at scrape time: total open, idle, and requests queued for one.',
    labelNames: ['pool', 'state'] as const,
    registers: [this.registry],
  });

  readonly jobs = new Gauge({
    name: `${METRIC_PREFIX}jobs`,
    help: 'Jobs recorded in PostgreSQL (jobs.jobs) by queue and state (pending, running, failed, dead, completed), read at scrape time; dead ones wait for an administrator.',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  readonly integrityFindings = new Gauge({
    name: `${METRIC_PREFIX}integrity_findings`,
    help: 'Findings of the last integrity sweep (every stream chain and the global log against the latest anchor) by kind, read at scrape time; any above 0 is a break to investigate.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly integritySweepTimestamp = new Gauge({
    name: `${METRIC_PREFIX}integrity_sweep_timestamp_seconds`,
    help: 'When the last integrity sweep finished (Unix time), read at scrape time; absent before the first.',
    registers: [this.registry],
  });

  readonly collectorUp = new Gauge({
    name: `${METRIC_PREFIX}metrics_collector_up`,
    help: 'Whether a scrape-time collector (projections, queues, horizon, jobs, integrity) answered in time: 1 yes, 0 no (its metrics are then left out).',
    labelNames: ['collector'] as const,
    registers: [this.registry],
  });

  /** The event store's `onAppend`: one histogram observation per append. */
  readonly observeAppend: AppendObserver = ({ seconds, outcome }) => this.appendSeconds.observe({ outcome }, seconds);

  countCommand(command: string, outcome: CommandOutcome, code = ''): void {
    this.commands.inc({ command, outcome, code });
  }

  /** The text a Prometheus scrape gets: this instance's metrics and the process's Node metrics. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    const merged = Registry.merge([processRegistry(), this.registry]);
    return { contentType: this.registry.contentType, text: await merged.metrics() };
  }
}

let nodeDefaults: Registry | undefined;

/**
 * Node's default metrics (CPU, memory, event-loop lag, GC, handles) describe the process, not an
 * application instance, and collecting them installs observers that are never removed: they are
 * collected once per process, into a registry of their own.
 */
function processRegistry(): Registry {
  if (!nodeDefaults) {
    nodeDefaults = new Registry();
    collectDefaultMetrics({ register: nodeDefaults, prefix: METRIC_PREFIX });
  }
  return nodeDefaults;
}
