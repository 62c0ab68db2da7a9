import { Inject, Injectable, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { delayJob, JobProcessor, JobQueues, Reactor } from '@ree/platform/jobs';
import type { Job } from 'bullmq';
import { EXPIRE_LICENCES_QUEUE, EXPIRE_LICENCES_REACTOR, ExpireLicenceJob, expireLicencesRoute } from './expire-licences.job';
import { LicenceExpirer } from './licence-expirer';

/** The reactor that turns every approval into a job due when the validity ends; the worker's projector runs it (`EXPIRY_PROJECTIONS`). */
@Injectable()
export class ExpireLicencesReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    super(EXPIRE_LICENCES_REACTOR, [expireLicencesRoute(config.jobs.expiryDelayFloorMs)], queues);
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
  return delayJob(job, result.dueAt.getTime(), token);
}

/** Runs the expiry jobs in the worker, from start-up until the application closes. */
@Injectable()
export class ExpireLicencesWorker extends JobProcessor<ExpireLicenceJob> {
  private readonly expirer: LicenceExpirer;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    super(config, { queue: EXPIRE_LICENCES_QUEUE, what: 'Licence expiry job' });
    this.expirer = new LicenceExpirer(store);
  }

  protected async process(job: Job<ExpireLicenceJob>, token?: string): Promise<string> {
    const outcome = await processExpiryJob(this.expirer, job, token);
    if (outcome === 'expired') this.logger.log(`Licence ${job.data.licenceId} expired after ${job.data.validUntil} (job ${job.id})`);
    return outcome;
  }
}

/** The reactor to add to the worker's projector. */
export const EXPIRY_PROJECTIONS = [ExpireLicencesReactor] as const;

/** The worker side of the expiry: the job processor. Needs `EVENT_STORE` and `APP_CONFIG` (the PlatformModule). */
@Module({ providers: [ExpireLicencesWorker] })
export class LicenceExpiryModule {}
