import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore, Projection, RecordedEvent } from '@ree/event-store';
import { APP_CONFIG, AppConfig, createJobWorker, JobQueues, Reactor } from '@ree/platform';
import { DelayedError, Job, Worker } from 'bullmq';
import { EXPIRE_LICENCES_QUEUE, EXPIRE_LICENCES_REACTOR, ExpireLicenceJob, expireLicencesRoute } from './expire-licences.job';
import { LicenceExpirer } from './licence-expirer';

/** The reactor that turns every approval into a job due when the validity ends; the worker's projector runs it (`EXPIRY_PROJECTIONS`). */
@Injectable()
export class ExpireLicencesReactor implements Projection {
  private readonly reactor: Reactor;

  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    this.reactor = new Reactor(EXPIRE_LICENCES_REACTOR, [expireLicencesRoute(config.jobs.expiryDelayFloorMs)], queues);
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
 * One expiry job's processing at the machine's time. A job that finds the licence still valid
 * (a clock running behind the scheduler's) is moved back to the delayed set, due when the
 * validity ends, under the same id: it keeps its causation and is never duplicated.
 */
export async function processExpiryJob(expirer: LicenceExpirer, job: Job<ExpireLicenceJob>, token?: string): Promise<string> {
  const result = await expirer.expire(job.data, job.id!, new Date());
  if (result.outcome !== 'not-yet-due') return result.outcome;
  await job.moveToDelayed(result.dueAt.getTime(), token);
  throw new DelayedError();
}

/** Runs the expiry jobs in the worker, from start-up until the application closes. */
@Injectable()
export class ExpireLicencesWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExpireLicencesWorker.name);
  private readonly expirer: LicenceExpirer;
  private worker?: Worker<ExpireLicenceJob>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.expirer = new LicenceExpirer(store);
  }

  onApplicationBootstrap(): void {
    this.worker = createJobWorker<ExpireLicenceJob>(
      EXPIRE_LICENCES_QUEUE,
      async (job, token?: string) => {
        const outcome = await processExpiryJob(this.expirer, job, token);
        if (outcome === 'expired') this.logger.log(`Licence ${job.data.licenceId} expired after ${job.data.validUntil} (job ${job.id})`);
        return outcome;
      },
      { redisUrl: this.config.redisUrl, prefix: this.config.jobs.queuePrefix },
    );
    this.worker.on('failed', (job, error) => this.logger.error(`Licence expiry job ${job?.id} failed: ${error.message}`));
  }

  /** Forced, like the reconciliation's: a graceful close would wait for Redis while it is down. A job cut short runs again. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}

/** The reactor to add to the worker's projector. */
export const EXPIRY_PROJECTIONS = [ExpireLicencesReactor] as const;

/** The worker side of the expiry: the job processor. Needs `EVENT_STORE` and `APP_CONFIG` (the PlatformModule). */
@Module({ providers: [ExpireLicencesWorker] })
export class LicenceExpiryModule {}
