import { DelayedError, Job, Worker } from 'bullmq';

export interface JobWorkerOptions {
  readonly redisUrl: string;
  readonly prefix: string;
  /** Jobs of the queue run at most this many at a time on this process. Default 4. */
  readonly concurrency?: number;
}

/**
 * A BullMQ worker on one queue. Its connection retries forever (`maxRetriesPerRequest: null`,
 * as BullMQ requires of workers), so a Redis outage pauses the work and never ends the process;
 * a job that throws is retried with back-off (the attempts set when it was enqueued).
 */
export function createJobWorker<Data>(
  queue: string,
  process: (job: Job<Data>, token?: string) => Promise<unknown>,
  options: JobWorkerOptions,
): Worker<Data> {
  const worker = new Worker<Data>(queue, process, {
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
