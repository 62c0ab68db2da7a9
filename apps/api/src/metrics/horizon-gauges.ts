import type { HorizonReport } from '@ree/event-store';
import type { Metrics } from '@ree/platform/observability';
import type { Pool } from 'pg';

/** A pool's connections by state, as `ree_db_pool_connections` reports them. */
export interface PoolReading {
  readonly pool: string;
  readonly total: number;
  readonly idle: number;
  readonly queued: number;
}

/**
 * Sets the horizon gauges from one reading: none for an adapter without a horizon or when the
 * reading failed (`ree_metrics_collector_up{collector="horizon"}` then says which), the holder's
 * series only while events wait behind it.
 */
export function setHorizon(metrics: Metrics, report: HorizonReport | undefined): void {
  const { horizonLagEvents, horizonLagSeconds, horizonHolderSeconds, collectorUp } = metrics;
  horizonLagEvents.reset();
  horizonLagSeconds.reset();
  horizonHolderSeconds.reset();
  collectorUp.set({ collector: 'horizon' }, report ? 1 : 0);
  if (!report?.applicable) return;
  horizonLagEvents.set(report.lagEvents);
  horizonLagSeconds.set(report.lagMs / 1_000);
  const { holder } = report;
  if (holder) {
    horizonHolderSeconds.set(
      { pid: String(holder.pid), database: holder.database ?? '', application: holder.applicationName },
      holder.transactionAgeMs / 1_000,
    );
  }
}

/** What a pg pool (a `BoundedPool` counts its own queue) holds now. */
export function readPool(pool: string, pg: Pool): PoolReading {
  const queued = (pg as Pool & { queuedCount?: number }).queuedCount ?? pg.waitingCount;
  return { pool, total: pg.totalCount, idle: pg.idleCount, queued };
}

export function setPools(metrics: Metrics, readings: readonly PoolReading[]): void {
  metrics.poolConnections.reset();
  for (const { pool, total, idle, queued } of readings) {
    metrics.poolConnections.set({ pool, state: 'total' }, total);
    metrics.poolConnections.set({ pool, state: 'idle' }, idle);
    metrics.poolConnections.set({ pool, state: 'queued' }, queued);
  }
}
