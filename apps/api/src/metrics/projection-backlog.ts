import type { EventStore } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { DataSource } from 'typeorm';
import { projectionLag } from '../health/projection-lag';

/** The most events counted after one checkpoint, as in the projector's `status()`: a scrape reads no more. */
export const LAG_COUNT_LIMIT = 10_000;

/** How far one projection trails the event store, at scrape time. */
export interface ProjectionBacklog {
  readonly name: string;
  /** Events after the checkpoint, up to {@link LAG_COUNT_LIMIT}. */
  readonly lagEvents: number;
  /** Age of the oldest event not applied yet; 0 when caught up. */
  readonly lagSeconds: number;
}

/**
 * Every projection's backlog, from the checkpoints that `/health/ready` reads (every row of
 * `projections.checkpoints`, reactors included). Projections already at the head cost nothing;
 * for the others the events after their checkpoint are read once per distinct checkpoint.
 *
 * Lag in time is the age of the oldest unapplied event, as the projector reports it, rather than
 * readiness's time since the checkpoint last moved: a projection idle for an hour that has just
 * been handed one event is seconds behind, not an hour.
 */
export async function projectionBacklogs(dataSource: DataSource, store: EventStore, now = new Date()): Promise<ProjectionBacklog[]> {
  const head = await store.headPosition();
  const lags = await projectionLag(dataSource, store, head, now);
  const pending = new Map<string, Promise<readonly RecordedEvent[]>>();
  const eventsAfter = (checkpoint: string | null): Promise<readonly RecordedEvent[]> => {
    const key = checkpoint ?? '';
    if (!pending.has(key)) pending.set(key, store.readAll({ after: checkpoint, maxCount: LAG_COUNT_LIMIT, raw: true }).then((read) => read.events));
    return pending.get(key)!;
  };
  return Promise.all(
    lags.map(async ({ name, checkpoint, caughtUp }) =>
      caughtUp ? { name, lagEvents: 0, lagSeconds: 0 } : { name, ...backlogOf(await eventsAfter(checkpoint), now) },
    ),
  );
}

/** The count of the events not applied yet, and the age of the oldest of them. */
export function backlogOf(unapplied: readonly Pick<RecordedEvent, 'recordedAt'>[], now: Date): Omit<ProjectionBacklog, 'name'> {
  const oldest = unapplied[0];
  return {
    lagEvents: unapplied.length,
    lagSeconds: oldest === undefined ? 0 : Math.max(0, now.getTime() - Date.parse(oldest.recordedAt)) / 1_000,
  };
}
