import { consignmentStreamId, LICENCE_ATTACHED, MINING_SOURCE_CORRECTED, MINING_SOURCE_DECLARED } from '@ree/consignment';
import type { EventStore } from '@ree/event-store';
import { licenceStreamId } from '@ree/licensing';
import { mineStreamId } from '@ree/registry';
import { NotFound, type RecordedEvent } from '@ree/shared-kernel';

/** A non-empty string field of an event's data; a row rewritten by hand may hold anything. */
function idIn(data: unknown, field: string): string | null {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The streams a consignment drew on, as its own events name them: the licence of every
 * `LicenceAttached`, the mine of every mining source and correction. Each once, in the order the
 * consignment first named it.
 */
export function streamsDrawnOn(consignmentEvents: readonly RecordedEvent[]): string[] {
  const streams = new Set<string>();
  for (const { type, data } of consignmentEvents) {
    const licenceId = type === LICENCE_ATTACHED ? idIn(data, 'licenceId') : null;
    const mineId = type === MINING_SOURCE_DECLARED || type === MINING_SOURCE_CORRECTED ? idIn(data, 'mineId') : null;
    if (licenceId !== null) streams.add(licenceStreamId(licenceId));
    if (mineId !== null) streams.add(mineStreamId(mineId));
  }
  return [...streams];
}

/**
 * The consignment's own stream, read through the port (upcast, as the folds read it). A
 * consignment whose stream holds no event does not exist: 404.
 */
export async function readConsignmentStream(store: EventStore, consignmentId: string): Promise<RecordedEvent[]> {
  const events = await store.readStream(consignmentStreamId(consignmentId));
  if (events.length === 0) throw new NotFound('Consignment', consignmentId);
  return events;
}
