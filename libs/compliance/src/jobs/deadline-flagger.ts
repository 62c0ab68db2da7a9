import { EventStore, handleCommand } from '@ree/event-store';
import { consignmentStream } from '@ree/consignment';
import { eventIdsFrom } from '@ree/shared-kernel';
import type { FlagPolicy } from '@ree/review';
import { deadlineDueAt, raiseDeadlineFlagDecider } from './deadline-flags.decide';
import { DEADLINE_FLAGS_ACTOR, DEADLINE_FLAGS_QUEUE, DeadlineFlagJob } from './deadline-flags.job';

/** Customs records an arrival while the job runs: a lost race is decided again, up to this many times. */
const RETRIES = 16;

/** `flagged`: appended now; `not-yet-due`: the deadline is still ahead, run again at `dueAt`; `left`: nothing to do. */
export type DeadlineOutcome = { readonly outcome: 'flagged' | 'left' } | { readonly outcome: 'not-yet-due'; readonly dueAt: Date };

/**
 * Runs one deadline job on the event store port: folds the consignment's stream, evaluates the
 * time-based flag at the job's own time, and appends `ConsignmentFlagged` with the stream's
 * expected revision. The event id derives from the job id (the departure's or arrival's event
 * id), so a job run twice, or enqueued again by a replay, flags once.
 */
export class DeadlineFlagger {
  constructor(
    private readonly store: EventStore,
    private readonly policy: FlagPolicy,
  ) {}

  async run(job: DeadlineFlagJob, jobId: string, now: Date): Promise<DeadlineOutcome> {
    const streamId = consignmentStream.streamId(job.consignmentId);
    const command = { consignmentId: job.consignmentId, code: job.code, now, policy: this.policy };
    const result = await handleCommand(this.store, streamId, raiseDeadlineFlagDecider, command, {
      metadata: { actor: DEADLINE_FLAGS_ACTOR, correlationId: jobId, causationId: jobId },
      eventId: eventIdsFrom(`${DEADLINE_FLAGS_QUEUE}:${jobId}`, streamId),
      stream: consignmentStream,
      retries: RETRIES,
    });
    if (result.newEvents.length > 0) return { outcome: 'flagged' };
    const dueAt = deadlineDueAt(result.state.flags, job.code, this.policy);
    if (dueAt !== null && now.getTime() < dueAt.getTime()) return { outcome: 'not-yet-due', dueAt };
    return { outcome: 'left' };
  }
}
