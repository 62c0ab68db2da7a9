import { Inject, Injectable, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { JobProcessor, JobQueues, Reactor } from '@ree/platform/jobs';
import type { Job } from 'bullmq';
import { ConsignmentGiver } from './consignment-giver';
import { DrawReconciler } from './draw-reconciler';
import type { GiveBackJob } from './give-back.decide';
import { GIVE_BACK_QUEUE, GIVE_BACK_REACTOR, giveBackRoute } from './give-back.job';
import { RECONCILE_DRAWS_QUEUE, RECONCILE_DRAWS_REACTOR, ReconcileDrawJob, reconcileDrawsRoute } from './reconcile-draws.job';

/**
 * The reactor that turns every quota draw and licence allocation into a delayed reconciliation
 * job; the worker's projector runs it (`CONSIGNMENT_JOB_PROJECTIONS`).
 */
@Injectable()
export class ReconcileDrawsReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    super(RECONCILE_DRAWS_REACTOR, [reconcileDrawsRoute(config.jobs.reconcileAfterMs)], queues);
  }
}

/** The reactor that turns every cancellation and mining-source correction into a give-back job, due at once. */
@Injectable()
export class GiveBackReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues) {
    super(GIVE_BACK_REACTOR, [giveBackRoute], queues);
  }
}

/** Runs the reconciliation jobs in the worker, from start-up until the application closes. */
@Injectable()
export class ReconcileDrawsWorker extends JobProcessor<ReconcileDrawJob> {
  private readonly reconciler: DrawReconciler;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    super(config, { queue: RECONCILE_DRAWS_QUEUE, what: 'Reconciliation job' });
    this.reconciler = new DrawReconciler(store);
  }

  protected async process(job: Job<ReconcileDrawJob>): Promise<string> {
    const outcome = await this.reconciler.reconcile(job.data, job.id!);
    if (outcome === 'returned') this.logger.warn(`Returned an orphaned ${job.data.kind} draw of consignment ${job.data.consignmentId} (job ${job.id})`);
    return outcome;
  }
}

/** Runs the give-back jobs in the worker: the returns and releases a cancellation or a correction calls for. */
@Injectable()
export class GiveBackWorker extends JobProcessor<GiveBackJob> {
  private readonly giver: ConsignmentGiver;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) config: AppConfig) {
    super(config, { queue: GIVE_BACK_QUEUE, what: 'Give-back job' });
    this.giver = new ConsignmentGiver(store);
  }

  protected async process(job: Job<GiveBackJob>): Promise<string> {
    const position = await this.giver.giveBack(job.data, job.id!);
    return position === null ? 'nothing' : `given back up to ${position}`;
  }
}

/** The reactors to add to the worker's projector. */
export const CONSIGNMENT_JOB_PROJECTIONS = [ReconcileDrawsReactor, GiveBackReactor] as const;

/** The worker side of this context's background work: the job processors. Needs `EVENT_STORE` and `APP_CONFIG` (the PlatformModule). */
@Module({ providers: [ReconcileDrawsWorker, GiveBackWorker] })
export class ConsignmentJobsModule {}
