import type { EventStore } from '@ree/event-store';
import { NotFound } from '@ree/shared-kernel';
import type { DataSource } from 'typeorm';
import { anchorRows } from './anchor-store';
import { EventProof, eventProofOf } from './event-proof';

/** The event exists but no anchor covers it yet (it is newer than the latest). */
export class NotAnchoredYet extends NotFound {
  constructor(eventId: string) {
    super('An anchor covering event', eventId);
    this.message = `Event ${eventId} is newer than the latest anchor: take one (POST /audit/anchors) or wait for the next`;
  }
}

/**
 * Builds the proof of an event against the latest anchor, which covers it when any does: an
 * anchor covers every event of its streams up to their anchored revision, and each anchor
 * covers at least what the one before it did. The events come from the store as stored (not
 * upcast), since the hashes cover the stored form.
 */
export class AnchorProofs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  async proofFor(eventId: string): Promise<EventProof> {
    const [event] = await this.dataSource.query<Array<{ stream_id: string; revision: number }>>(
      `SELECT stream_id, revision FROM event_store.events WHERE event_id = $1`,
      [eventId],
    );
    if (!event) throw new NotFound('Event', eventId);
    const latest = await anchorRows.latest(this.dataSource);
    const place = latest ? await anchorRows.leaf(this.dataSource, latest.leavesOf, event.stream_id) : null;
    if (!latest || !place || place.leaf.revision < event.revision) throw new NotAnchoredYet(eventId);
    const [leaves, events] = await Promise.all([
      anchorRows.leaves(this.dataSource, latest.leavesOf),
      this.store.readStream(event.stream_id, { fromRevision: event.revision, maxCount: place.leaf.revision - event.revision + 1, raw: true }),
    ]);
    return eventProofOf({ events, anchor: latest.anchor, leaves, index: place.index });
  }
}
