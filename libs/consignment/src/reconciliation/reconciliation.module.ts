import { Inject, Injectable, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig, JobProcessor, JobQueues, Reactor } from '@ree/platform';
import type { Job } from 'bullmq';
import { DrawReconciler } from './draw-reconciler';
import { RECONCILE_DRAWS_QUEUE, RECONCILE_DRAWS_REACTOR, ReconcileDrawJob, reconcileDrawsRoute } from './reconcile-draws.job';

/**
 * The reactor that turns every quota draw and licence allocation into a delayed reconciliation
 * job; the worker's projector runs it (`RECONCILIATION_PROJECTIONS`).
 */
@Injectable()
export class ReconcileDrawsReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    super(RECONCILE_DRAWS_REACTOR, [reconcileDrawsRoute(config.jobs.reconcileAfterMs)], queues);
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

/** The reactor to add to the worker's projector. */
export const RECONCILIATION_PROJECTIONS = [ReconcileDrawsReactor] as const;

/** The worker side of the reconciliation: the job processor. Needs `EVENT_STORE` and `APP_CONFIG` (the PlatformModule). */
@Module({ providers: [ReconcileDrawsWorker] })
export class ReconciliationModule {}
