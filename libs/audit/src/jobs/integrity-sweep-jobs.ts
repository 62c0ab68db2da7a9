import { Inject, Injectable, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore, SealCheck, sealChecker, SealKeys } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { CHAIN_SEAL } from '@ree/platform/event-store';
import { JOB_ATTEMPTS, JobProcessor, JobQueues, JobSchedules, KEEP_FINISHED_JOBS_SECONDS } from '@ree/platform/jobs';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AnchorKeyring } from '../anchors/anchor-keyring';
import { ANCHOR_KEYRING, anchorKeyringProvider } from '../anchors/anchor.providers';
import type { Finding } from '../anchors/check/findings';
import { runIntegritySweep } from './integrity-sweep';

/** The queue, the job scheduler's id and the job name of the integrity sweep. */
export const INTEGRITY_SWEEP_QUEUE = 'audit.integrity-sweep';
export const INTEGRITY_SWEEP_JOB = 'integrity-sweep';

const JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: KEEP_FINISHED_JOBS_SECONDS },
  removeOnFail: { age: KEEP_FINISHED_JOBS_SECONDS },
};

/** The sweep's schedule: a BullMQ job scheduler on the cron pattern (UTC), under one fixed id. */
export async function upsertIntegritySchedule(queue: Queue, cron: string): Promise<void> {
  await queue.upsertJobScheduler(INTEGRITY_SWEEP_QUEUE, { pattern: cron, tz: 'UTC' }, { name: INTEGRITY_SWEEP_JOB, data: {}, opts: JOB_OPTIONS });
}

/** Puts the schedule back when Redis holds neither it nor its next job; true when it had to (decision 23). */
export async function ensureIntegritySchedule(queue: Queue, cron: string): Promise<boolean> {
  const scheduler = await queue.getJobScheduler(INTEGRITY_SWEEP_QUEUE);
  if (scheduler?.next !== undefined && scheduler.next !== null && (await queue.getJob(`repeat:${INTEGRITY_SWEEP_QUEUE}:${scheduler.next}`))) return false;
  await upsertIntegritySchedule(queue, cron);
  return true;
}

/** The one line logged per finding, naming the stream and revision where there is one. */
export function findingLine(sweepId: string, finding: Finding): string {
  const where = finding.streamId === undefined ? '' : ` ${finding.streamId} revision ${finding.revision}`;
  return `Integrity sweep ${sweepId}: ${finding.kind}${where}: ${finding.detail}`;
}

/**
 * Runs the integrity sweep (`runIntegritySweep`) on `INTEGRITY_SWEEP_CRON` (UTC, default 02:00
 * every night). The schedule is a BullMQ job scheduler under one fixed id, so every worker upserts
 * the same one, and the worker's job sweep ensures it at every pass (decision 23), as it does the
 * anchors'. Each run is recorded in `jobs.jobs` by the shared processor, and its outcome in
 * `audit.integrity_sweeps` (once per job id). A finding is logged as an error, one line each,
 * naming the stream and revision; `/metrics` and `GET /admin/integrity` show the last sweep.
 */
@Injectable()
export class IntegritySweepJobs extends JobProcessor<Record<string, never>> {
  private readonly sealHolds: SealCheck;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ANCHOR_KEYRING) private readonly keyring: AnchorKeyring,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly schedules: JobSchedules,
    @Inject(CHAIN_SEAL) seal: SealKeys,
  ) {
    super(config, { queue: INTEGRITY_SWEEP_QUEUE, what: 'Integrity sweep', concurrency: 1 });
    this.sealHolds = sealChecker(seal.all);
  }

  protected async process(job: Job): Promise<{ sweepId: string; consistent: boolean; findings: number }> {
    const sweep = await runIntegritySweep(this.dataSource, this.store, this.keyring.keys, {
      jobId: job.id,
      sealHolds: this.sealHolds,
      onFinding: (finding, sweepId) => this.logger.error(findingLine(sweepId, finding)),
    });
    const summary = `Integrity sweep ${sweep.sweepId}: ${sweep.streams} streams, ${sweep.events} events, anchor ${sweep.anchorId ?? '(none)'}`;
    if (sweep.consistent) this.logger.log(`${summary}: every chain holds and the store holds what the anchor signed`);
    else this.logger.error(`${summary}: ${sweep.findings.length} finding(s); see GET /api/v1/admin/integrity`);
    return { sweepId: sweep.sweepId, consistent: sweep.consistent, findings: sweep.findings.length };
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    const ensure = () => ensureIntegritySchedule(this.queues.queue(INTEGRITY_SWEEP_QUEUE), this.config.integritySweepCron);
    this.schedules.register({ name: INTEGRITY_SWEEP_QUEUE, ensure });
    // The job sweep ensures it too (and again at every pass); this only saves its first interval.
    ensure().catch((error: Error) => this.logger.warn(`The integrity sweep schedule is not registered yet (${error.message}); the job sweep will`));
  }
}

/**
 * The worker side of the integrity sweep. Needs `APP_CONFIG`, `EVENT_STORE`, TypeORM's
 * `DataSource` (the PlatformModule) and the JobsModule; the schedule is registered at start and
 * put in Redis by the worker's job sweep.
 */
@Module({ providers: [anchorKeyringProvider, IntegritySweepJobs] })
export class IntegritySweepJobsModule {}
