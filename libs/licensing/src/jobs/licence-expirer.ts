import { EventStore, handleCommand } from '@ree/event-store';
import { eventIdsFrom } from '@ree/shared-kernel';

import { licenceStream, licenceStreamId } from '../licence/licence.stream';
import { EXPIRY_ACTOR, expiryDueAt, ExpireLicenceJob } from './expire-licences.job';
import { expireWhenDueDecider, expiresLater } from './expire-when-due.decide';

/** Officers revoke or suspend a licence while its job runs: a lost race is decided again, up to this many times. */
const RETRIES = 16;

/** `expired`: appended now; `not-yet-due`: still valid, run again at `dueAt`; `left`: nothing to do. */
export type ExpiryOutcome = { readonly outcome: 'expired' | 'left' } | { readonly outcome: 'not-yet-due'; readonly dueAt: Date };

/**
 * Runs one expiry job on the event store port: decides on the licence's stream at the job's
 * own time and appends `LicenceExpired` with the stream's expected revision. The event id
 * derives from the job id (the approval's event id), so a job run twice, or enqueued again by a
 * replay, expires the licence once.
 */
export class LicenceExpirer {
  constructor(private readonly store: EventStore) {}

  async expire(job: ExpireLicenceJob, jobId: string, now: Date): Promise<ExpiryOutcome> {
    const streamId = licenceStreamId(job.licenceId);
    const result = await handleCommand(this.store, streamId, expireWhenDueDecider, { licenceId: job.licenceId, now }, {
      metadata: { actor: EXPIRY_ACTOR, correlationId: jobId, causationId: jobId },
      eventId: eventIdsFrom(`expire-licences:${jobId}`, streamId),
      stream: licenceStream,
      retries: RETRIES,
    });
    if (result.newEvents.length > 0) return { outcome: 'expired' };
    const { state } = result;
    if (expiresLater(state, now)) return { outcome: 'not-yet-due', dueAt: expiryDueAt(state.validUntil!) };
    return { outcome: 'left' };
  }
}
