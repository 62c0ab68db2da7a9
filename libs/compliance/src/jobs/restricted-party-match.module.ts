import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { delayJob, JobProcessor, JobQueues, Reactor } from '@ree/platform/jobs';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { OwnershipMatchJob, RestrictedPartyMatchJob } from './restricted-party-match.decide';
import {
  ownershipMatchRoute,
  RESTRICTED_PARTY_MATCH_QUEUE,
  RESTRICTED_PARTY_MATCH_REACTOR,
  restrictedPartyMatchRoute,
  SCREEN_OWNERSHIP_JOB,
} from './restricted-party-match.job';
import { RestrictedPartyScreener, ScreeningOutcome } from './restricted-party-screener';

/** How long a job waits for the read models to reach its listing before it looks again. */
export const READ_MODELS_WAIT_MS = 1_000;

/** The reactor that turns every listing, and every ownership fact of 50 % or more, into a retro-screening job; the worker's projector runs it. */
@Injectable()
export class RestrictedPartyMatchReactor extends Reactor {
  constructor(@Inject(JobQueues) queues: JobQueues) {
    super(RESTRICTED_PARTY_MATCH_REACTOR, [restrictedPartyMatchRoute(), ownershipMatchRoute()], queues);
  }
}

/** The queue's two kinds of job, told apart by the job's name. */
export type RetroScreeningJob = RestrictedPartyMatchJob | OwnershipMatchJob;

/**
 * One retro-screening job's processing. A job that finds the read models behind its listing (a
 * projector catching up, a rebuild) is moved back to the delayed set for a second, under the same
 * id, as often as it takes: it spends none of its attempts waiting.
 */
export async function processScreeningJob(
  screener: RestrictedPartyScreener,
  job: Job<RetroScreeningJob>,
  token?: string,
): Promise<ScreeningOutcome> {
  const result =
    job.name === SCREEN_OWNERSHIP_JOB
      ? await screener.screenOwnership(job.data as OwnershipMatchJob, job.id!, new Date())
      : await screener.screen(job.data as RestrictedPartyMatchJob, job.id!, new Date());
  if (result.outcome !== 'waiting') return result;
  return delayJob(job, Date.now() + READ_MODELS_WAIT_MS, token);
}

/** Runs the retro-screening jobs in the worker, one at a time, from start-up until the application closes. */
@Injectable()
export class RestrictedPartyMatchWorker extends JobProcessor<RetroScreeningJob> {
  private readonly screener: RestrictedPartyScreener;

  constructor(@Inject(EVENT_STORE) store: EventStore, dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(config, { queue: RESTRICTED_PARTY_MATCH_QUEUE, what: 'Restricted-party screening job', concurrency: 1 });
    this.screener = new RestrictedPartyScreener(store, dataSource);
  }

  protected async process(job: Job<RetroScreeningJob>, token?: string): Promise<ScreeningOutcome> {
    const result = await processScreeningJob(this.screener, job, token);
    if (result.outcome === 'screened' && (result.licencesMatched > 0 || result.consignmentsFlagged > 0)) {
      const subject = 'factId' in job.data ? `Ownership fact ${job.data.factId}` : `Restricted party ${job.data.partyId}`;
      this.logger.warn(
        `${subject} matched ${result.licencesMatched} licence(s): ${result.licencesSuspended} suspended, ${result.consignmentsFlagged} consignment(s) flagged, with or without a licence (job ${job.id})`,
      );
    }
    return result;
  }
}
