import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore, HorizonReport, readHorizon } from '@ree/event-store';
import { JobQueues } from '@ree/platform/jobs';
import { REBUILD_PROJECTION_QUEUE, rebuildJobIdOf, RebuildJobProgress, RebuildProjectionJob } from '@ree/platform/projections';
import { RecordedEvent } from '@ree/shared-kernel';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { backlogOf, LAG_COUNT_LIMIT } from '../../metrics/projection-backlog';
import { ProjectionStatusItem, RebuildStatus, stateOf } from './projection-status';

/** How long a status read waits for Redis before it answers 503. */
export const REDIS_TIMEOUT_MS = 2_000;

interface CheckpointRow {
  name: string;
  checkpoint: string | null;
  events_processed: string;
  updated_at: Date;
}

/**
 * Projection status for the API, which runs no projector: checkpoints from
 * `projections.checkpoints` (every projection a worker has run; a blue/green copy's
 * `…@rebuild` row shows as its projection's rebuild progress instead), lag from the events after
 * each checkpoint (read once per distinct checkpoint, at most {@link LAG_COUNT_LIMIT}), and the
 * rebuild job from BullMQ.
 */
@Injectable()
export class ProjectionStatusReader {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queues: JobQueues,
  ) {}

  async list(): Promise<ProjectionStatusItem[]> {
    return this.read(
      await this.dataSource.query(
        `SELECT name, checkpoint, events_processed, updated_at FROM projections.checkpoints WHERE name NOT LIKE '%@rebuild' ORDER BY name`,
      ),
    );
  }

  /** One projection's status; `undefined` when no worker has run a projection of that name. */
  async one(name: string): Promise<ProjectionStatusItem | undefined> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      `SELECT name, checkpoint, events_processed, updated_at FROM projections.checkpoints WHERE name = $1 AND name NOT LIKE '%@rebuild'`,
      [name],
    );
    return (await this.read(rows))[0];
  }

  /** How far every reader trails the committed head, and the open transaction that holds it back. */
  horizon(): Promise<HorizonReport> {
    return readHorizon(this.store, { countLimit: LAG_COUNT_LIMIT });
  }

  /** The projection's rebuild job, if one was ever requested (and not yet replaced by a newer one). */
  async rebuildOf(name: string): Promise<RebuildStatus | undefined> {
    const job: Job<RebuildProjectionJob> | undefined = await fromRedis(this.queues.queue(REBUILD_PROJECTION_QUEUE).getJob(rebuildJobIdOf(name)));
    if (!job) return undefined;
    const state = await fromRedis(job.getState());
    const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as RebuildJobProgress) : null;
    return {
      jobId: job.id!,
      state,
      progress,
      requestedBy: job.data.requestedBy,
      requestedAt: job.data.requestedAt,
      finishedAt: job.finishedOn === undefined ? null : new Date(job.finishedOn).toISOString(),
      ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    };
  }

  private async read(rows: readonly CheckpointRow[]): Promise<ProjectionStatusItem[]> {
    const head = await this.store.headPosition();
    const now = new Date();
    const after = new Map<string, Promise<readonly RecordedEvent[]>>();
    const eventsAfter = (checkpoint: string | null): Promise<readonly RecordedEvent[]> => {
      const key = checkpoint ?? '';
      if (!after.has(key)) after.set(key, this.store.readAll({ after: checkpoint, maxCount: LAG_COUNT_LIMIT, raw: true }).then((read) => read.events));
      return after.get(key)!;
    };
    return Promise.all(
      rows.map(async (row) => {
        const caughtUp = head === null || (row.checkpoint !== null && this.store.comparePositions(row.checkpoint, head) >= 0);
        const { lagEvents, lagSeconds } = caughtUp ? { lagEvents: 0, lagSeconds: 0 } : backlogOf(await eventsAfter(row.checkpoint), now);
        const rebuild = await this.rebuildOf(row.name);
        return {
          name: row.name,
          state: stateOf(caughtUp && lagEvents === 0, rebuild),
          checkpoint: row.checkpoint,
          updatedAt: new Date(row.updated_at).toISOString(),
          lagEvents,
          lagEventsCapped: lagEvents >= LAG_COUNT_LIMIT,
          lagMs: Math.round(lagSeconds * 1_000),
          eventsProcessed: Number(row.events_processed),
          ...(rebuild ? { rebuild } : {}),
        };
      }),
    );
  }
}

/**
 * A call to Redis, answered 503 when Redis fails or does not answer in time: the producer
 * connection fails at once while Redis is down (it queues nothing), with an error the problem
 * filter would not know as an outage.
 */
export async function fromRedis<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  call.catch(() => undefined);
  try {
    return await Promise.race([call, timeout]);
  } catch {
    throw new ServiceUnavailableException({ code: 'service-unavailable', detail: 'Redis, which holds the rebuild jobs, is unavailable; retry shortly' });
  } finally {
    clearTimeout(timer);
  }
}
