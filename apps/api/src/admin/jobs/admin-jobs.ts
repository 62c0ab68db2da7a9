import { ConflictException, Injectable } from '@nestjs/common';
import { JobLedger, JobQueues, JobRecord } from '@ree/platform/jobs';
import { NotFound } from '@ree/shared-kernel';
import { fromRedis } from '../projections/projection-status.reader';
import type { JobResponseDto } from './jobs.dto';

/**
 * The jobs of this deployment as PostgreSQL records them (`jobs.jobs`), for administrators: counts
 * per queue and state, a queue's jobs in one state, and the retry of a dead job.
 */
@Injectable()
export class AdminJobs {
  constructor(
    private readonly ledger: JobLedger,
    private readonly queues: JobQueues,
  ) {}

  counts() {
    return this.ledger.counts();
  }

  async list(queue: string, state: JobRecord['state'], limit: number): Promise<JobResponseDto[]> {
    return (await this.ledger.list(queue, state, limit)).map(jobResponse);
  }

  /**
   * A dead job back to pending, its attempts reset, and on its queue at once. Redis keeps a failed
   * job under its id for 30 days, which would make the new enqueue a no-op: it is removed first
   * (503 while Redis is down, nothing changed). When Redis refuses the enqueue after that, the job
   * is pending all the same and the worker's next sweep queues it.
   */
  async retry(queue: string, jobId: string): Promise<JobResponseDto & { queued: boolean }> {
    const record = await this.ledger.find(queue, jobId);
    if (!record) throw new NotFound('Job', `${queue}/${jobId}`);
    if (record.state !== 'dead') throw notDead(record);
    await fromRedis(this.queues.queue(queue).remove(jobId));
    const revived = await this.ledger.revive(queue, jobId);
    if (!revived) throw notDead((await this.ledger.find(queue, jobId)) ?? record);
    const queued = await this.queues
      .enqueue([{ queue, jobId, name: revived.name, data: revived.data }])
      .then(() => true)
      .catch(() => false);
    return { ...jobResponse(revived), queued };
  }
}

function notDead(record: JobRecord): ConflictException {
  return new ConflictException({
    code: 'job-not-dead',
    detail: `Job ${record.jobId} of ${record.queue} is ${record.state}: only a dead job can be retried`,
  });
}

function jobResponse(record: JobRecord): JobResponseDto {
  return {
    queue: record.queue,
    jobId: record.jobId,
    name: record.name,
    state: record.state,
    dueAt: record.dueAt.toISOString(),
    attempts: record.attempts,
    lastError: record.lastError,
    outcome: record.outcome ?? null,
    data: record.data,
    position: record.position,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
