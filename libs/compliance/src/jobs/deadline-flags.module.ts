import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { delayJob, JobProcessor, JobQueues, Reactor } from '@ree/platform/jobs';
import { configuredFlagPolicy } from '@ree/review';
import type { Job } from 'bullmq';
import { DeadlineFlagger } from './deadline-flagger';
import { DEADLINE_FLAGS_QUEUE, DEADLINE_FLAGS_REACTOR, DeadlineFlagJob, deadlineFlagsRoute } from './deadline-flags.job';

/** The reactor that turns every departure and arrival into a job due at its deadline; the worker's projector runs it. */
@Injectable()
export class DeadlineFlagsReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    super(DEADLINE_FLAGS_REACTOR, [deadlineFlagsRoute(configuredFlagPolicy(config), config.jobs.flagDelayFloorMs)], queues);
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
  return delayJob(job, result.dueAt.getTime(), token);
}

/** Runs the deadline jobs in the worker, from start-up until the application closes. */
@Injectable()
export class DeadlineFlagsWorker extends JobProcessor<DeadlineFlagJob> {
  private readonly flagger: DeadlineFlagger;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    super(config, { queue: DEADLINE_FLAGS_QUEUE, what: 'Deadline flag job' });
    this.flagger = new DeadlineFlagger(store, configuredFlagPolicy(config));
  }

  protected async process(job: Job<DeadlineFlagJob>, token?: string): Promise<string> {
    const outcome = await processDeadlineFlagJob(this.flagger, job, token);
    if (outcome === 'flagged') this.logger.warn(`Consignment ${job.data.consignmentId} flagged ${job.data.code} (job ${job.id})`);
    return outcome;
  }
}
