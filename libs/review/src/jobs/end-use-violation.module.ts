import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore, Projection, RecordedEvent } from '@ree/event-store';
import { APP_CONFIG, AppConfig, createJobWorker, JobQueues, Reactor } from '@ree/platform';
import type { Worker } from 'bullmq';
import { END_USE_VIOLATION_QUEUE, END_USE_VIOLATION_REACTOR, EndUseViolationJob, endUseViolationRoute } from './end-use-violation.job';
import { EndUseViolationSuspender } from './end-use-violation-suspender';

/** The reactor that turns every failed end-use check into a job; the worker's projector runs it. */
@Injectable()
export class EndUseViolationReactor implements Projection {
  private readonly reactor: Reactor;

  constructor(@Inject(JobQueues) queues: JobQueues) {
    this.reactor = new Reactor(END_USE_VIOLATION_REACTOR, [endUseViolationRoute()], queues);
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

/** Runs the end-use-violation jobs in the worker, from start-up until the application closes. */
@Injectable()
export class EndUseViolationWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EndUseViolationWorker.name);
  private readonly suspender: EndUseViolationSuspender;
  private worker?: Worker<EndUseViolationJob>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.suspender = new EndUseViolationSuspender(store);
  }

  onApplicationBootstrap(): void {
    this.worker = createJobWorker<EndUseViolationJob>(
      END_USE_VIOLATION_QUEUE,
      async (job) => {
        const outcome = await this.suspender.run(job.data, job.id!, new Date());
        if (outcome === 'suspended') this.logger.warn(`Licence of consignment ${job.data.consignmentId} suspended after a ${job.data.outcome} end-use check (job ${job.id})`);
        return outcome;
      },
      { redisUrl: this.config.redisUrl, prefix: this.config.jobs.queuePrefix },
    );
    this.worker.on('failed', (job, error) => this.logger.error(`End-use violation job ${job?.id} failed: ${error.message}`));
  }

  /** Forced, like the reconciliation's: a graceful close would wait for Redis while it is down. A job cut short runs again. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}
