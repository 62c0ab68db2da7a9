import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore, Projection, RecordedEvent } from '@ree/event-store';
import { APP_CONFIG, AppConfig, createJobWorker, JobQueues, Reactor } from '@ree/platform';
import type { Worker } from 'bullmq';
import { DrawReconciler } from './draw-reconciler';
import { RECONCILE_DRAWS_QUEUE, RECONCILE_DRAWS_REACTOR, ReconcileDrawJob, reconcileDrawsRoute } from './reconcile-draws.job';

/**
 * The reactor that turns every quota draw and licence allocation into a delayed reconciliation
 * job; the worker's projector runs it (`RECONCILIATION_PROJECTIONS`).
 */
@Injectable()
export class ReconcileDrawsReactor implements Projection {
  private readonly reactor: Reactor;

  constructor(@Inject(JobQueues) queues: JobQueues, @Inject(APP_CONFIG) config: AppConfig) {
    this.reactor = new Reactor(RECONCILE_DRAWS_REACTOR, [reconcileDrawsRoute(config.jobs.reconcileAfterMs)], queues);
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

/** Runs the reconciliation jobs in the worker, from start-up until the application closes. */
@Injectable()
export class ReconcileDrawsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReconcileDrawsWorker.name);
  private readonly reconciler: DrawReconciler;
  private worker?: Worker<ReconcileDrawJob>;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.reconciler = new DrawReconciler(store);
  }

  onApplicationBootstrap(): void {
    this.worker = createJobWorker<ReconcileDrawJob>(
      RECONCILE_DRAWS_QUEUE,
      async (job) => {
        const outcome = await this.reconciler.reconcile(job.data, job.id!);
        if (outcome === 'returned') this.logger.warn(`Returned an orphaned ${job.data.kind} draw of consignment ${job.data.consignmentId} (job ${job.id})`);
        return outcome;
      },
      { redisUrl: this.config.redisUrl, prefix: this.config.jobs.queuePrefix },
    );
    this.worker.on('failed', (job, error) => this.logger.error(`Reconciliation job ${job?.id} failed: ${error.message}`));
  }

  /**
   * Forced: a graceful close waits for Redis and never ends while it is down, which would hang the
   * worker's shutdown. A job cut short is stalled, and BullMQ runs it again; every job is idempotent.
   */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}

/** The reactor to add to the worker's projector. */
export const RECONCILIATION_PROJECTIONS = [ReconcileDrawsReactor] as const;

/** The worker side of the reconciliation: the job processor. Needs `EVENT_STORE` and `APP_CONFIG` (the PlatformModule). */
@Module({ providers: [ReconcileDrawsWorker] })
export class ReconciliationModule {}
