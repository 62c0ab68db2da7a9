import { EventStore, handleCommand } from '@ree/event-store';
import { LICENCE_SUSPENDED, LicenceState, licenceStream, SuspendLicenceCommand, suspendInForceDecider } from '@ree/licensing';
import { Actor, eventIdsFrom, fold } from '@ree/shared-kernel';

/** An officer reinstates or revokes while the job runs: a lost race is decided again, up to this many times. */
const RETRIES = 16;

export interface SystemSuspension {
  readonly licenceId: string;
  readonly reason: string;
  readonly actor: Actor;
  /** The queue's name: with the job id, the seed of the event id. */
  readonly queue: string;
  readonly jobId: string;
  readonly now: Date;
}

export interface SuspensionResult {
  readonly suspended: boolean;
  /** The licence after the job: its allocations name the consignments on it. */
  readonly licence: LicenceState;
}

/**
 * Suspends a licence in force as the system, with the stream's expected revision and an event id
 * derived from the job id. A job that already suspended this licence once decides nothing again,
 * even after an officer reinstated it: a replay of an old job must not undo a person's later
 * decision, so a suspension caused by this job (its causation) settles the job for good.
 */
export async function suspendAsSystem(store: EventStore, suspension: SystemSuspension): Promise<SuspensionResult> {
  const { licenceId, reason, actor, queue, jobId, now } = suspension;
  const streamId = licenceStream.streamId(licenceId);
  const stored = licenceStream.domainEvents(await store.readStream(streamId));
  if (stored.some((event) => event.type === LICENCE_SUSPENDED && event.metadata.causationId === jobId)) {
    return { suspended: false, licence: fold(suspendInForceDecider, stored) };
  }
  const command = new SuspendLicenceCommand(licenceId, reason, { actor, correlationId: jobId, now });
  const result = await handleCommand(store, streamId, suspendInForceDecider, command, {
    metadata: { actor, correlationId: jobId, causationId: jobId },
    eventId: eventIdsFrom(`${queue}:${jobId}`, streamId),
    stream: licenceStream,
    retries: RETRIES,
  });
  return { suspended: result.newEvents.length > 0, licence: result.state };
}
