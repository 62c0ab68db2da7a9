import { Injectable } from '@nestjs/common';
import { JobQueues } from '@ree/platform/jobs';
import { REBUILD_PROJECTION_QUEUE, requestRebuild } from '@ree/platform/projections';
import { NotFound } from '@ree/shared-kernel';
import { DataSource } from 'typeorm';
import { fromRedis } from './projection-status.reader';

/** What `POST /admin/projections/{name}/rebuild` answers. */
export interface RebuildAccepted {
  readonly jobId: string;
  readonly name: string;
  /** BullMQ's state of the job: `waiting` for a new one, or where the one already asked for stands. */
  readonly state: string;
}

/**
 * Asks the workers for a rebuild: one BullMQ job per projection, so a second request while one
 * waits or runs answers that same job. A projection is known once a worker has run it (it has a
 * checkpoint): the API runs no projector, and a name only a test or an old version wrote is
 * refused by the worker's job (failed, with the reason in the status).
 */
@Injectable()
export class ProjectionRebuilds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
  ) {}

  async request(name: string, requestedBy: string, now: Date): Promise<RebuildAccepted> {
    const known: unknown[] = await this.dataSource.query(`SELECT 1 FROM projections.checkpoints WHERE name = $1`, [name]);
    if (known.length === 0 || name.endsWith('@rebuild')) throw new NotFound('Projection', name);
    const { job, state } = await fromRedis(
      requestRebuild(this.queues.queue(REBUILD_PROJECTION_QUEUE), { name, requestedBy, requestedAt: now.toISOString() }),
    );
    return { jobId: job.id!, name, state };
  }
}
