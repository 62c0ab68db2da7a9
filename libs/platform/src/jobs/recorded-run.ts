import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import type { JobLedger } from './job-ledger';

/** Told of a job whose last attempt has just failed: it is `dead` until an administrator retries it. */
export type DeadJobListener = (queue: string, job: Job, error: Error) => void;

/**
 * One job's processing, with its record in `jobs.jobs` kept as it goes: `running` when an attempt
 * starts, then `completed` with what it returned, `pending` again when it put itself back in the
 * delayed set (not yet due), `failed` when the attempt threw, `dead` when that was its last.
 *
 * A job recorded as completed is not run again: the run answers what it returned then. The
 * outcome is written before the run ends, so a job whose outcome could not be recorded fails
 * its attempt and runs again (every job is idempotent) rather than be completed in Redis alone.
 * A failure to record a failure is not the job's: it is left to the sweep, which reads the
 * outcome from Redis.
 */
export function recordedRun<Data>(
  ledger: JobLedger,
  queue: string,
  process: (job: Job<Data>, token?: string) => Promise<unknown>,
  onDead: DeadJobListener,
): (job: Job<Data>, token?: string) => Promise<unknown> {
  return async (job, token) => {
    const start = await ledger.start(queue, job);
    if (!start.run) return start.outcome;
    let outcome: unknown;
    try {
      outcome = await process(job, token);
    } catch (error) {
      await recordFailure(ledger, queue, job, error as Error, onDead);
      throw error;
    }
    await ledger.complete(queue, job.id!, outcome);
    return outcome;
  };
}

async function recordFailure(ledger: JobLedger, queue: string, job: Job, error: Error, onDead: DeadJobListener): Promise<void> {
  if (error instanceof DelayedError) {
    // `delayJob` moved it: due `job.delay` from now, the attempt not counted (BullMQ's skipAttempt).
    await ledger.postpone(queue, job.id!, new Date(Date.now() + job.delay)).catch(() => undefined);
    return;
  }
  const dead = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  await ledger.fail(queue, job.id!, error.message, dead).catch(() => undefined);
  if (dead) onDead(queue, job, error);
}
