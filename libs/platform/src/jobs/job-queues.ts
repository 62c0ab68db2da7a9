import { JobsOptions, JobType, Queue } from 'bullmq';
import { Redis, RedisOptions } from 'ioredis';

/** A job a reactor wants on a queue: `jobId` is the id of the event that called for it. */
export interface JobRequest {
  readonly queue: string;
  readonly name: string;
  readonly jobId: string;
  readonly data: Record<string, unknown>;
  readonly delayMs?: number;
}

export interface JobQueuesOptions {
  readonly redisUrl: string;
  /** BullMQ's key prefix: one per deployment, and one per test run so that runs never share queues. */
  readonly prefix: string;
  /** An enqueue that Redis has not accepted within this time fails (the sweep enqueues the job later). Default 2,000 ms. */
  readonly enqueueTimeoutMs?: number;
}

/** The attempts a job gets, 1 s, 2 s, 4 s… apart (about 8.5 minutes in all), before it is `dead`. */
export const JOB_ATTEMPTS = 10;

/**
 * Finished jobs are kept this long in Redis, where their ids deduplicate a late enqueue of the
 * same job; `jobs.jobs` keeps their outcome for good, and a job recorded there as completed is not
 * enqueued or run again.
 */
export const KEEP_FINISHED_JOBS_SECONDS = 30 * 86_400;

/** Where Redis stands on one job id: see {@link JobQueues.presence}. */
export type JobPresence = 'missing' | 'held' | 'finished';

/** The redis settings of a producer connection: fail fast while Redis is down instead of queueing commands in memory. */
export function producerConnection(): RedisOptions {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 5_000),
  };
}

/**
 * The BullMQ queues a process enqueues on, one `Queue` per name, opened on first use. Queues are
 * named `<context>.<purpose>`; a job's id is the id of the event that caused it, so enqueueing the
 * same event twice (a replay, a retried batch) leaves one job while the first is kept.
 */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();
  /** One connection for every queue, opened at once so that the first batch finds it ready; closing it ends every retry. */
  private readonly connection: Redis;
  private closed = false;

  constructor(private readonly options: JobQueuesOptions) {
    this.connection = new Redis(options.redisUrl, producerConnection()).on('error', () => undefined);
  }

  get prefix(): string {
    return this.options.prefix;
  }

  /** Throws at once unless the connection to Redis is ready: `what` could not be done. */
  assertConnected(what: string): void {
    const { status } = this.connection;
    if (status !== 'ready') throw new Error(`Could not ${what}: the connection to Redis is ${status}`);
  }

  /** The queue of that name (opened when first asked for); tests read their jobs through it. */
  queue(name: string): Queue {
    if (this.closed) throw new Error('The job queues are closed');
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.options.prefix });
      // Errors surface as rejected enqueues; without a listener they would crash the process.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Resolves once Redis has accepted every job; rejects at once while the connection is down, and
   * when Redis did not answer within the timeout. A reactor calls this inside its batch's
   * transaction, which holds back every catch-up reader of the store while it is open: failing
   * fast keeps that short during an outage. A job id Redis already holds (in any state) is left
   * as it is, so enqueueing a job twice runs it once.
   */
  async enqueue(requests: readonly JobRequest[]): Promise<void> {
    const { status } = this.connection;
    if (status !== 'ready') throw new Error(`Redis did not accept ${requests.length} job(s): the connection is ${status}`);
    const byQueue = new Map<string, JobRequest[]>();
    for (const request of requests) byQueue.set(request.queue, [...(byQueue.get(request.queue) ?? []), request]);
    const added = Promise.all(
      [...byQueue].map(([name, jobs]) =>
        this.queue(name).addBulk(jobs.map((job) => ({ name: job.name, data: job.data, opts: jobOptions(job) }))),
      ),
    );
    await withTimeout(added, this.options.enqueueTimeoutMs ?? 2_000, `Redis did not accept ${requests.length} job(s)`);
  }

  /**
   * Which of a queue's job ids Redis holds, and whether each has finished there: `missing` (never
   * added, or lost with Redis's data), `held` (waiting, delayed or running) or `finished`
   * (completed or failed for good). One pipelined read of each job's hash.
   */
  async presence(name: string, jobIds: readonly string[]): Promise<JobPresence[]> {
    const { status } = this.connection;
    if (status !== 'ready') throw new Error(`Redis did not answer for the jobs of ${name}: the connection is ${status}`);
    const queue = this.queue(name);
    const pipeline = this.connection.pipeline();
    for (const jobId of jobIds) pipeline.hmget(queue.toKey(jobId), 'timestamp', 'finishedOn');
    const replies = await withTimeout(pipeline.exec(), this.options.enqueueTimeoutMs ?? 2_000, `Redis did not answer for the jobs of ${name}`);
    return (replies ?? []).map(([error, fields]) => {
      if (error) throw error;
      const [timestamp, finishedOn] = fields as Array<string | null>;
      if (timestamp === null) return 'missing';
      return finishedOn === null ? 'held' : 'finished';
    });
  }

  /**
   * How many jobs a queue holds in each of the given states, for metrics: rejects at once while
   * the connection is down, and when Redis did not answer within the timeout, so a scrape during
   * an outage never waits for Redis to return.
   */
  async jobCounts<State extends JobType>(name: string, states: readonly State[], timeoutMs: number): Promise<Record<State, number>> {
    const { status } = this.connection;
    if (status !== 'ready') throw new Error(`Redis did not count the jobs of ${name}: the connection is ${status}`);
    const counts = await withTimeout(this.queue(name).getJobCounts(...states), timeoutMs, `Redis did not count the jobs of ${name}`);
    return Object.fromEntries(states.map((state) => [state, counts[state] ?? 0])) as Record<State, number>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((queue) => withTimeout(queue.close(), 2_000, 'closing a queue').catch(() => undefined)));
    this.connection.disconnect(false);
  }
}

function jobOptions(job: JobRequest): JobsOptions {
  return {
    jobId: job.jobId,
    delay: Math.max(0, job.delayMs ?? 0),
    attempts: JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: KEEP_FINISHED_JOBS_SECONDS },
    removeOnFail: { age: KEEP_FINISHED_JOBS_SECONDS },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  // The losing promise may still settle later (Redis back): a late add of the same job id is a no-op.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
