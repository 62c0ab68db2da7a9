import type { JobLedger, UnfinishedJob } from './job-ledger';
import type { JobQueues } from './job-queues';
import type { JobSchedule } from './job-schedules';

/** Unfinished jobs read, and checked against Redis, per round trip. */
export const SWEEP_PAGE = 1_000;

/** What one sweep did. */
export interface SweepReport {
  /** Unfinished jobs in `jobs.jobs`. */
  readonly unfinished: number;
  /** Of those, the ones Redis did not hold, put back on their queues. */
  readonly enqueued: number;
  /** Of those, the ones Redis had finished while their record said otherwise, recorded now. */
  readonly settled: number;
  /** The schedules Redis did not hold, put back. */
  readonly schedulesRestored: readonly string[];
}

/**
 * Puts back in Redis what PostgreSQL says is due (docs/decisions.md 23): every job of `jobs.jobs`
 * not finished (pending, running or failed) that Redis does not hold is enqueued under its own id,
 * delayed until its `due_at` (at once when that has passed), and every schedule is ensured.
 *
 * A job Redis finished while its record was not written (the database failed at that moment) is
 * recorded from Redis: completed with what it returned, or dead with its error. Two sweeps at once
 * (two workers) are harmless: an id Redis already holds is not added again, and the records they
 * write are the same.
 */
export class JobSweep {
  constructor(
    private readonly ledger: JobLedger,
    private readonly queues: JobQueues,
    private readonly schedules: () => readonly JobSchedule[],
    private readonly now: () => number = Date.now,
  ) {}

  async sweep(): Promise<SweepReport> {
    // BullMQ's own calls wait for a connection that is down, rather than fail: ask first.
    this.queues.assertConnected('sweep the jobs');
    let unfinished = 0;
    let enqueued = 0;
    let settled = 0;
    for (let page = await this.ledger.unfinished(SWEEP_PAGE); page.length > 0; ) {
      unfinished += page.length;
      for (const [queue, jobs] of byQueue(page)) {
        const presence = await this.queues.presence(queue, jobs.map((job) => job.jobId));
        const missing = jobs.filter((_, i) => presence[i] === 'missing');
        const finished = jobs.filter((_, i) => presence[i] === 'finished');
        if (missing.length > 0) await this.enqueue(missing);
        for (const job of finished) settled += (await this.settle(job)) ? 1 : 0;
        enqueued += missing.length;
      }
      const last = page[page.length - 1];
      page = page.length < SWEEP_PAGE ? [] : await this.ledger.unfinished(SWEEP_PAGE, last);
    }
    const schedulesRestored: string[] = [];
    for (const schedule of this.schedules()) if (await schedule.ensure()) schedulesRestored.push(schedule.name);
    return { unfinished, enqueued, settled, schedulesRestored };
  }

  private async enqueue(jobs: readonly UnfinishedJob[]): Promise<void> {
    const now = this.now();
    await this.queues.enqueue(
      jobs.map(({ queue, jobId, name, data, dueAt }) => ({ queue, jobId, name, data, delayMs: Math.max(0, dueAt.getTime() - now) })),
    );
  }

  /** Records what Redis says became of a job it has finished; false when Redis no longer tells. */
  private async settle(record: UnfinishedJob): Promise<boolean> {
    const job = await this.queues.queue(record.queue).getJob(record.jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'completed') await this.ledger.complete(record.queue, record.jobId, job.returnvalue);
    else if (state === 'failed') await this.ledger.fail(record.queue, record.jobId, job.failedReason ?? 'failed', true);
    else return false;
    return true;
  }
}

function byQueue(jobs: readonly UnfinishedJob[]): Map<string, UnfinishedJob[]> {
  const groups = new Map<string, UnfinishedJob[]>();
  for (const job of jobs) groups.set(job.queue, [...(groups.get(job.queue) ?? []), job]);
  return groups;
}
