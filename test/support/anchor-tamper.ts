import { eventHash, RecordedEvent } from '@ree/event-store';
import type { Pool } from 'pg';
import { tamperWithEvents } from './tamper';

/**
 * What an intruder who can write the events table does to hide a change from the hash chain:
 * recompute the hashes. The one place these tests compute an event's hash as the store does, so
 * that a change to what the hash covers is followed here once.
 */
export function validHash(prevHash: string, event: Pick<RecordedEvent, 'eventId' | 'type' | 'schemaVersion' | 'streamId' | 'revision' | 'recordedAt' | 'data'> & { actor: RecordedEvent['metadata']['actor'] }): string {
  return eventHash(prevHash, event);
}

/** Rewrites `events` (one stream's, in revision order, from some revision on) with `change` applied to the first and every hash recomputed. */
export async function rewriteAndRehash(pool: Pool, events: readonly RecordedEvent[], data: unknown): Promise<void> {
  let prevHash = events[0].metadata.prevHash;
  for (const [index, event] of events.entries()) {
    const changed = index === 0 ? data : event.data;
    const hash = validHash(prevHash, { ...event, data: changed, actor: event.metadata.actor });
    const metadata = { ...event.metadata, prevHash, hash };
    await tamperWithEvents(pool, `UPDATE event_store.events SET data = $1, metadata = $2 WHERE event_id = $3`, [changed, metadata, event.eventId]);
    prevHash = hash;
  }
}

/**
 * Inserts a forged event after a stream's head, chained to it with a valid hash, at `position`:
 * an old position, below what projections have already read. Inserting needs no trigger disabled.
 */
export async function forgeEvent(pool: Pool, head: RecordedEvent, position: string, eventId: string, data: unknown): Promise<void> {
  const forged = { eventId, type: 'LicenceQuantityReleased', schemaVersion: 1, streamId: head.streamId, revision: head.revision + 1, recordedAt: head.recordedAt, data };
  const actor = head.metadata.actor;
  const metadata = { ...head.metadata, actor, prevHash: head.metadata.hash, hash: validHash(head.metadata.hash, { ...forged, actor }) };
  await pool.query(
    `INSERT INTO event_store.events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz)`,
    [position, eventId, forged.streamId, forged.revision, forged.type, forged.schemaVersion, data, metadata, forged.recordedAt],
  );
}
