import { Inject, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { JobLedger } from './job-ledger';
import { createJobWorker } from './job-worker';

export interface JobProcessorOptions {
  /** The queue it takes jobs from, `<context>.<purpose>`. */
  readonly queue: string;
  /** What a job is called in the line logged when it fails: `<what> <job id> failed: <error>`. */
  readonly what: string;
  /** Jobs run at most this many at a time on this process; `createJobWorker`'s default (4) when omitted. */
  readonly concurrency?: number;
  /**
   * Whether its jobs are recorded in `jobs.jobs` (state, attempts, outcome). Default true; the
   * rebuild jobs, which an administrator asks for again by hand, are not (docs/decisions.md 23).
   */
  readonly recorded?: boolean;
}

/**
 * The processor of one queue in the worker, from start-up until the application closes: a
 * subclass is an `@Injectable()` with its own injected constructor that passes the queue to
 * `super` and implements {@link process}; its logger is named after the subclass.
 *
 * The worker starts on bootstrap (not in the constructor) so that every provider is ready before
 * the first job runs, and logs each failed attempt. Each run is recorded in `jobs.jobs` through
 * the {@link JobLedger} (injected as a property, so subclasses need not pass it): a job already
 * completed there is not run again, and a job that failed its last attempt is `dead`, logged as
 * an error naming the retry. It closes forced: a graceful close waits for Redis and never ends
 * while Redis is down, which would hang the worker's shutdown; a job cut short is stalled, and
 * BullMQ runs it again, which is why every job is idempotent.
 */
export abstract class JobProcessor<Data> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private worker?: Worker<Data>;

  /** Absent where a processor is built by hand without one: its runs are then not recorded. */
  @Optional() @Inject(JobLedger) private readonly ledger?: JobLedger;

  protected constructor(
    /** The process's settings: `redisUrl` and `jobs.queuePrefix` here, whatever else a subclass needs. */
    protected readonly config: AppConfig,
    private readonly options: JobProcessorOptions,
  ) {}

  get queue(): string {
    return this.options.queue;
  }

  /** One run of one job; `token` is the worker's lock on it, which `delayJob` needs. Throwing fails the attempt. */
  protected abstract process(job: Job<Data>, token?: string): Promise<unknown>;

  onApplicationBootstrap(): void {
    const { queue, what, concurrency, recorded = true } = this.options;
    this.worker = createJobWorker<Data>(queue, (job, token?: string) => this.process(job, token), {
      redisUrl: this.config.redisUrl,
      prefix: this.config.jobs.queuePrefix,
      concurrency,
      ledger: recorded ? this.ledger : undefined,
      onDead: (_, job, error) =>
        this.logger.error(
          `${what} ${job.id} is dead after ${job.attemptsMade + 1} attempt(s): ${error.message}; retry it with POST /api/v1/admin/jobs/${queue}/${job.id}/retry`,
        ),
    });
    this.worker.on('failed', (job, error) => this.logger.error(`${what} ${job?.id} failed: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}
