import { Inject, Injectable, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { JOB_ATTEMPTS, JobProcessor, JobQueues, JobSchedules, KEEP_FINISHED_JOBS_SECONDS } from '@ree/platform/jobs';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { anchorKeyringProvider, anchorTakerProvider } from '../anchors/anchor.providers';
import { AnchorTaker } from '../anchors/anchor-taker';

/** The queue, the job scheduler's id and the job name of the anchors. */
export const TAKE_ANCHOR_QUEUE = 'audit.take-anchor';
export const TAKE_ANCHOR_JOB = 'take-anchor';

export interface TakeAnchorJob {
  /** Why it runs: the worker's start, or the schedule. */
  readonly trigger: 'start' | 'schedule';
}

const JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: KEEP_FINISHED_JOBS_SECONDS },
  removeOnFail: { age: KEEP_FINISHED_JOBS_SECONDS },
};

/** How long the worker waits before it tries again to register the schedule (Redis not ready yet). */
const SCHEDULE_RETRY_MS = 5_000;

/** One run of the job: takes the anchor (once per job id, however often the job runs). */
export async function processTakeAnchorJob(taker: AnchorTaker, job: Job<TakeAnchorJob>): Promise<{ anchorId: string; root: string }> {
  const anchor = await taker.take({ jobId: job.id });
  return { anchorId: anchor.id, root: anchor.root };
}

/** The anchor schedule: a BullMQ job scheduler every `intervalMs`, under one fixed id. */
async function upsertSchedule(queue: Queue, intervalMs: number): Promise<void> {
  await queue.upsertJobScheduler(
    TAKE_ANCHOR_QUEUE,
    { every: intervalMs },
    { name: TAKE_ANCHOR_JOB, data: { trigger: 'schedule' } satisfies TakeAnchorJob, opts: JOB_OPTIONS },
  );
}

/**
 * Puts the anchor schedule back when Redis holds neither it nor its next job (Redis lost its
 * data); true when it had to. A schedule present is left alone, so its next anchor keeps its time.
 */
export async function ensureSchedule(queue: Queue, intervalMs: number): Promise<boolean> {
  const scheduler = await queue.getJobScheduler(TAKE_ANCHOR_QUEUE);
  if (scheduler?.next !== undefined && scheduler.next !== null && (await queue.getJob(`repeat:${TAKE_ANCHOR_QUEUE}:${scheduler.next}`))) return false;
  await upsertSchedule(queue, intervalMs);
  return true;
}

/**
 * Registers the schedule and the job at start on `audit.take-anchor`, and processes them.
 *
 * The schedule is a BullMQ job scheduler (every `ANCHOR_INTERVAL_MS`) under one fixed id: every
 * worker upserts the same one, so two workers keep one schedule, not two. Each start adds one
 * more job under an id of its own, so that an anchor is taken when a worker starts. The worker's
 * sweep ensures the schedule at every pass ({@link ensureSchedule}), so that a Redis that lost its
 * data has it back within one sweep. Two workers
 * that run jobs at once take their anchors one after the other (the taker's lock); a job run
 * again after a crash answers the anchor it already took (its id is stored with it).
 */
@Injectable()
export class AnchorJobs extends JobProcessor<TakeAnchorJob> {
  private retry?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly taker: AnchorTaker,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly schedules: JobSchedules,
  ) {
    super(config, { queue: TAKE_ANCHOR_QUEUE, what: 'Anchor job', concurrency: 1 });
  }

  protected async process(job: Job<TakeAnchorJob>): Promise<{ anchorId: string; root: string }> {
    const result = await processTakeAnchorJob(this.taker, job);
    this.logger.log(`Anchor ${result.anchorId} taken (${job.data.trigger}, job ${job.id}): root ${result.root}`);
    return result;
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.schedules.register({ name: TAKE_ANCHOR_QUEUE, ensure: () => ensureSchedule(this.queues.queue(TAKE_ANCHOR_QUEUE), this.config.anchorIntervalMs) });
    void this.schedule();
  }

  /** Upserts the schedule and adds the start job; tries again while Redis does not accept them. */
  private async schedule(): Promise<void> {
    if (this.stopped) return;
    try {
      const queue = this.queues.queue(TAKE_ANCHOR_QUEUE);
      await upsertSchedule(queue, this.config.anchorIntervalMs);
      await queue.add(TAKE_ANCHOR_JOB, { trigger: 'start' } satisfies TakeAnchorJob, { ...JOB_OPTIONS, jobId: `start-${randomUUID()}` });
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(`The anchor schedule is not registered yet (${(error as Error).message}); trying again in ${SCHEDULE_RETRY_MS} ms`);
      this.retry = setTimeout(() => void this.schedule(), SCHEDULE_RETRY_MS);
    }
  }

  /** Stops registering the schedule before the worker closes. */
  override async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await super.onModuleDestroy();
  }
}

/**
 * The worker side of the anchors: the schedule, the job at start, and their processing. Needs
 * `APP_CONFIG`, TypeORM's `DataSource` (the PlatformModule) and `JobQueues` (the JobsModule).
 */
@Module({ providers: [anchorKeyringProvider, anchorTakerProvider, AnchorJobs] })
export class AnchorJobsModule {}
