import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore, Projection, RecordedEvent } from '@ree/event-store';
import { APP_CONFIG, AppConfig, createJobWorker, JobQueues, Reactor } from '@ree/platform';
import { DelayedError, Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { RESTRICTED_PARTY_MATCH_QUEUE, RESTRICTED_PARTY_MATCH_REACTOR, RestrictedPartyMatchJob, restrictedPartyMatchRoute } from './restricted-party-match.job';
import { RestrictedPartyScreener, ScreeningOutcome } from './restricted-party-screener';

/** How long a job waits for the read models to reach its listing before it looks again. */
export const READ_MODELS_WAIT_MS = 1_000;

/** The reactor that turns every listing into a retro-screening job; the worker's projector runs it. */
@Injectable()
export class RestrictedPartyMatchReactor implements Projection {
  private readonly reactor: Reactor;

  constructor(@Inject(JobQueues) queues: JobQueues) {
    this.reactor = new Reactor(RESTRICTED_PARTY_MATCH_REACTOR, [restrictedPartyMatchRoute()], queues);
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
 * One retro-screening job's processing. A job that finds the read models behind its listing (a
 * projector catching up, a rebuild) is moved back to the delayed set for a second, under the same
 * id, as often as it takes: it spends none of its attempts waiting.
 */
export async function processScreeningJob(
  screener: RestrictedPartyScreener,
  job: Job<RestrictedPartyMatchJob>,
  token?: string,
): Promise<ScreeningOutcome> {
  const result = await screener.screen(job.data, job.id!, new Date());
  if (result.outcome !== 'waiting') return result;
  await job.moveToDelayed(Date.now() + READ_MODELS_WAIT_MS, token);
  throw new DelayedError();
}

/** Runs the retro-screening jobs in the worker, from start-up until the application closes. */
@Injectable()
export class RestrictedPartyMatchWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RestrictedPartyMatchWorker.name);
  private readonly screener: RestrictedPartyScreener;
  private worker?: Worker<RestrictedPartyMatchJob>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.screener = new RestrictedPartyScreener(store, dataSource);
  }

  onApplicationBootstrap(): void {
    this.worker = createJobWorker<RestrictedPartyMatchJob>(
      RESTRICTED_PARTY_MATCH_QUEUE,
      async (job, token?: string) => {
        const result = await processScreeningJob(this.screener, job, token);
        if (result.outcome === 'screened' && result.licencesMatched > 0) {
          this.logger.warn(
            `Restricted party ${job.data.partyId} matched ${result.licencesMatched} licence(s): ${result.licencesSuspended} suspended, ${result.consignmentsFlagged} consignment(s) flagged (job ${job.id})`,
          );
        }
        return result;
      },
      { redisUrl: this.config.redisUrl, prefix: this.config.jobs.queuePrefix, concurrency: 1 },
    );
    this.worker.on('failed', (job, error) => this.logger.error(`Restricted-party screening job ${job?.id} failed: ${error.message}`));
  }

  /** Forced, like the reconciliation's: a graceful close would wait for Redis while it is down. A job cut short runs again. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}
