import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore, Projection, RecordedEvent } from '@ree/event-store';
import { APP_CONFIG, AppConfig, createJobWorker, JobQueues, Reactor } from '@ree/platform';
import { DelayedError, Job, Worker } from 'bullmq';
import { DeadlineFlagger } from './deadline-flagger';
import { DEADLINE_FLAGS_QUEUE, DEADLINE_FLAGS_REACTOR, DeadlineFlagJob, deadlineFlagsRoute } from './deadline-flags.job';
import { configuredFlagPolicy } from '../projection/configured-flag-policy';

/** The reactor that turns every departure and arrival into a job due at its deadline; the worker's projector runs it. */
@Injectable()
export class DeadlineFlagsReactor implements Projection {
  private readonly reactor: Reactor;

  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    this.reactor = new Reactor(DEADLINE_FLAGS_REACTOR, [deadlineFlagsRoute(configuredFlagPolicy(config), config.jobs.flagDelayFloorMs)], queues);
  }

  get name(): string {
    return this.reactor.name;
  }

  get eventTypes(): readonly string[] {
    return this.reactor.eventTypes;
  }

  handle(events: readonly RecordedEvent[]): Promise<void> {
    return this.reactor.handle(events);
  }

  reset(): Promise<void> {
    return this.reactor.reset();
  }
}

/**
 * One deadline job's processing at the machine's time. A job that finds the deadline still
 * ahead (a clock behind the scheduler's, or a deadline lengthened since it was queued) is moved
 * back to the delayed set, due then, under the same id: it keeps its causation and is never duplicated.
 */
export async function processDeadlineFlagJob(flagger: DeadlineFlagger, job: Job<DeadlineFlagJob>, token?: string): Promise<string> {
  const result = await flagger.run(job.data, job.id!, new Date());
  if (result.outcome !== 'not-yet-due') return result.outcome;
  await job.moveToDelayed(result.dueAt.getTime(), token);
  throw new DelayedError();
}

/** Runs the deadline jobs in the worker, from start-up until the application closes. */
@Injectable()
export class DeadlineFlagsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineFlagsWorker.name);
  private readonly flagger: DeadlineFlagger;
  private worker?: Worker<DeadlineFlagJob>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.flagger = new DeadlineFlagger(store, configuredFlagPolicy(config));
  }

  onApplicationBootstrap(): void {
    this.worker = createJobWorker<DeadlineFlagJob>(
      DEADLINE_FLAGS_QUEUE,
      async (job, token?: string) => {
        const outcome = await processDeadlineFlagJob(this.flagger, job, token);
        if (outcome === 'flagged') this.logger.warn(`Consignment ${job.data.consignmentId} flagged ${job.data.code} (job ${job.id})`);
        return outcome;
      },
      { redisUrl: this.config.redisUrl, prefix: this.config.jobs.queuePrefix },
    );
    this.worker.on('failed', (job, error) => this.logger.error(`Deadline flag job ${job?.id} failed: ${error.message}`));
  }

  /** Forced, like the reconciliation's: a graceful close would wait for Redis while it is down. A job cut short runs again. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}
