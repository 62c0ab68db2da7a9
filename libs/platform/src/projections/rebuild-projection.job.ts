import type { RebuildProgress } from '@ree/event-store';
import type { Job, JobsOptions, JobState, Queue } from 'bullmq';

/** The queue of projection rebuilds: the API enqueues, a worker runs them with its projector. */
export const REBUILD_PROJECTION_QUEUE = 'platform.rebuild-projection';

/** The job's name on the queue. */
export const REBUILD_PROJECTION_JOB = 'rebuild-projection';

/** What a rebuild job carries: the projection, and who asked when (for the logs and the status). */
export interface RebuildProjectionJob {
  readonly name: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
}

/** The progress a rebuild job reports (`job.progress`): the projector's own. */
export type RebuildJobProgress = RebuildProgress;

/** What a finished rebuild job returns. */
export interface RebuildJobResult {
  readonly eventsProcessed: number;
  readonly checkpoint: string | null;
}

/**
 * One job id per projection: a second request while a rebuild waits or runs finds the same job,
 * and the last finished one stays readable until the next request replaces it. Encoded, since
 * BullMQ refuses `:` in ids and ids that look like integers.
 */
export const rebuildJobIdOf = (projection: string): string => `rebuild-${encodeURIComponent(projection)}`;

/** A job in one of these states is over: a new request replaces it with a new run. */
const FINISHED: readonly (JobState | 'unknown')[] = ['completed', 'failed', 'unknown'];

/**
 * A rebuild that dies with its worker is taken up again by another worker once its lock expires
 * (BullMQ's stalled-job check) and starts clean; a failure is retried twice, 10 s then 20 s later.
 */
const JOB_OPTIONS: JobsOptions = { attempts: 3, backoff: { type: 'exponential', delay: 10_000 }, removeOnComplete: false, removeOnFail: false };

/** The job a request for a rebuild answers with: the one waiting or running for that projection, or a new one. */
export async function requestRebuild(queue: Queue, request: RebuildProjectionJob): Promise<{ job: Job; state: JobState | 'unknown' }> {
  const jobId = rebuildJobIdOf(request.name);
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (!FINISHED.includes(state)) return { job: existing, state };
    // A worker may have taken it meanwhile (then it is locked and stays): adding under its id then answers it.
    await existing.remove().catch(() => undefined);
  }
  const job = await queue.add(REBUILD_PROJECTION_JOB, { ...request }, { ...JOB_OPTIONS, jobId });
  return { job, state: await job.getState() };
}
