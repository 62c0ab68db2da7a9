import { Inject, Injectable, Module } from '@nestjs/common';
import { Projector, RebuildProgress, UnknownProjectionError } from '@ree/event-store';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobProcessor } from '../jobs/job-processor';
import { REBUILD_PROJECTION_QUEUE, RebuildJobResult, RebuildProjectionJob } from './rebuild-projection.job';

/**
 * Runs one rebuild job with this worker's projector, forwarding its progress as the job's. A
 * projection this worker does not run fails the job at once (a retry would not help); anything
 * else is retried as the job's options say.
 */
export async function processRebuildJob(projector: Projector, job: Job<RebuildProjectionJob>): Promise<RebuildJobResult> {
  let last: RebuildProgress | undefined;
  try {
    await projector.rebuild(job.data.name, {
      onProgress: async (progress) => {
        last = progress;
        await job.updateProgress({ ...progress });
      },
    });
  } catch (error) {
    if (error instanceof UnknownProjectionError) throw new UnrecoverableError(error.message);
    throw error;
  }
  return { eventsProcessed: last?.eventsProcessed ?? 0, checkpoint: last?.checkpoint ?? null };
}

/**
 * The rebuild jobs' processor in the worker, from start-up until the application closes; closed
 * forced like every processor: a rebuild cut short is stalled, taken up again by a worker, and starts clean.
 */
@Injectable()
export class RebuildProjectionWorker extends JobProcessor<RebuildProjectionJob> {
  constructor(
    private readonly projector: Projector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // A rebuild is long and heavy: two at a time per worker, each of another projection (one job id per projection).
    // Not recorded in jobs.jobs: an administrator's request, asked for again by hand (docs/decisions.md 23).
    super(config, { queue: REBUILD_PROJECTION_QUEUE, what: 'Rebuild job', concurrency: 2, recorded: false });
  }

  protected async process(job: Job<RebuildProjectionJob>): Promise<RebuildJobResult> {
    this.logger.log(`Rebuilding projection ${job.data.name} (job ${job.id}, asked by ${job.data.requestedBy})`);
    const result = await processRebuildJob(this.projector, job);
    this.logger.log(`Projection ${job.data.name} rebuilt: ${result.eventsProcessed} events (job ${job.id})`);
    return result;
  }
}

/** The worker side of `POST /admin/projections/{name}/rebuild`. Needs the {@link Projector} (ProjectorModule) and `APP_CONFIG`. */
@Module({ providers: [RebuildProjectionWorker] })
export class RebuildProjectionModule {}
