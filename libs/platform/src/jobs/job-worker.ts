import { DelayedError, Job, Worker } from 'bullmq';
import type { JobLedger } from './job-ledger';
import { DeadJobListener, recordedRun } from './recorded-run';

export interface JobWorkerOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  /** Jobs of the queue run at most this many at a time on this process. Default 4. */
  readonly concurrency?: number;
  /** Where each job's state and outcome are recorded (`jobs.jobs`); a queue whose jobs are not recorded there has none. */
  readonly ledger?: JobLedger;
  /** Told of each job that failed its last attempt (only with a `ledger`). */
  readonly onDead?: DeadJobListener;
}

/**
 * A BullMQ worker on one queue. Its connection retries forever (`maxRetriesPerRequest: null`,
 * as BullMQ requires of workers), so a Redis outage pauses the work and never ends the process;
 * a job that throws is retried with back-off (the attempts set when it was enqueued). With a
 * ledger, every run is recorded in PostgreSQL ({@link recordedRun}).
 */
export function createJobWorker<Data>(
  queue: string,
  process: (job: Job<Data>, token?: string) => Promise<unknown>,
  options: JobWorkerOptions,
): Worker<Data> {
  const run = options.ledger ? recordedRun(options.ledger, queue, process, options.onDead ?? (() => undefined)) : process;
  const worker = new Worker<Data>(queue, run, {
    connection: {
      url: options.redisUrl,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 5_000),
    },
    prefix: options.prefix,
    concurrency: options.concurrency ?? 4,
  });
  // Reported through the failed jobs and the logs of the caller; an unhandled 'error' would crash the process.
  worker.on('error', () => undefined);
  return worker;
}

/**
 * Ends a job's run by putting it back in the delayed set, due at `dueAtMs`, under the same id: it
 * keeps its causation, is never duplicated and spends none of its attempts. `token` is the lock
 * the worker handed to the run; the `DelayedError` thrown tells BullMQ the job was moved, not failed.
 */
export async function delayJob(job: Job, dueAtMs: number, token?: string): Promise<never> {
  await job.moveToDelayed(dueAtMs, token);
  throw new DelayedError();
}
