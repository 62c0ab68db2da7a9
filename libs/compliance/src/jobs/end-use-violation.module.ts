import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { JobProcessor, JobQueues, Reactor } from '@ree/platform/jobs';
import type { Job } from 'bullmq';
import { END_USE_VIOLATION_QUEUE, END_USE_VIOLATION_REACTOR, EndUseViolationJob, endUseViolationRoute } from './end-use-violation.job';
import { EndUseViolationSuspender } from './end-use-violation-suspender';

/** The reactor that turns every failed end-use check into a job; the worker's projector runs it. */
@Injectable()
export class EndUseViolationReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues) {
    super(END_USE_VIOLATION_REACTOR, [endUseViolationRoute()], queues);
  }
}

/** Runs the end-use-violation jobs in the worker, from start-up until the application closes. */
@Injectable()
export class EndUseViolationWorker extends JobProcessor<EndUseViolationJob> {
  private readonly suspender: EndUseViolationSuspender;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    super(config, { queue: END_USE_VIOLATION_QUEUE, what: 'End-use violation job' });
    this.suspender = new EndUseViolationSuspender(store);
  }

  protected async process(job: Job<EndUseViolationJob>): Promise<string> {
    const outcome = await this.suspender.run(job.data, job.id!, new Date());
    if (outcome === 'suspended') this.logger.warn(`Licence of consignment ${job.data.consignmentId} suspended after a ${job.data.outcome} end-use check (job ${job.id})`);
    return outcome;
  }
}
