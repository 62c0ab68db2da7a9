import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { createJobWorker } from './job-worker';

export interface JobProcessorOptions {
  /** The queue it takes jobs from, `<context>.<purpose>`. */
  readonly queue: string;
  /** What a job is called in the line logged when it fails: `<what> <job id> failed: <error>`. */
  readonly what: string;
  /** Jobs run at most this many at a time on this process; `createJobWorker`'s default (4) when omitted. */
  readonly concurrency?: number;
}

/**
 * The processor of one queue in the worker, from start-up until the application closes: a
 * subclass is an `@Injectable()` with its own injected constructor that passes the queue to
 * `super` and implements {@link process}; its logger is named after the subclass.
 *
 * The worker starts on bootstrap (not in the constructor) so that every provider is ready before
 * the first job runs, and logs each failed attempt. It closes forced: a graceful close waits for
 * Redis and never ends while Redis is down, which would hang the worker's shutdown; a job cut
 * short is stalled, and BullMQ runs it again, which is why every job is idempotent.
 */
export abstract class JobProcessor<Data> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private worker?: Worker<Data>;

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
    const { queue, what, concurrency } = this.options;
    this.worker = createJobWorker<Data>(queue, (job, token?: string) => this.process(job, token), {
      redisUrl: this.config.redisUrl,
      prefix: this.config.jobs.queuePrefix,
      concurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.error(`${what} ${job?.id} failed: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}
