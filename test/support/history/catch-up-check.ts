import { Anomalies } from './anomalies';
import { CatchUpReading, ProjectionRows, StoredEvent } from './history';

/**
 * A catch-up reader that ran until it had caught up with the store must have been handed every
 * stored event after its start exactly once, in strictly increasing position, and nothing else.
 */
export function checkCatchUp(reading: CatchUpReading, stored: readonly StoredEvent[], anomalies: Anomalies): void {
  const after = reading.after === null ? undefined : BigInt(reading.after);
  const storedIds = new Set(stored.map((event) => event.eventId));
  const delivered = new Set<string>();
  let previous: bigint | undefined;
  reading.deliveries.forEach((delivery, index) => {
    const position = BigInt(delivery.position);
    if (previous !== undefined && position <= previous) {
      const before = previous;
      anomalies.add('reader-out-of-order', () => `delivery ${index} (${delivery.eventId}) has position ${position} after ${before}`);
    }
    previous = position;
    if (delivered.has(delivery.eventId)) anomalies.add('reader-repeated', () => `${delivery.eventId} at position ${position} delivered again (delivery ${index})`);
    delivered.add(delivery.eventId);
    if (!storedIds.has(delivery.eventId)) anomalies.add('reader-invented', () => `${delivery.eventId} at position ${position} is not stored`);
  });
  for (const event of stored) {
    if (after !== undefined && BigInt(event.position) <= after) continue;
    if (!delivered.has(event.eventId)) {
      anomalies.add('reader-skipped', () => `${event.eventId} (${event.streamId}@${event.revision}, position ${event.position}) never delivered`);
    }
  }
}

/** The projection's rows must be those of a clean rebuild from the first event: compared as multisets of lines. */
export function checkProjection(rows: ProjectionRows, anomalies: Anomalies): void {
  const counts = new Map<string, number>();
  for (const line of rows.live) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const line of rows.rebuilt) counts.set(line, (counts.get(line) ?? 0) - 1);
  for (const [line, surplus] of counts) {
    if (surplus > 0) anomalies.add('projection-differs', () => `only in the live projection (${surplus}x): ${line}`);
    if (surplus < 0) anomalies.add('projection-differs', () => `only in the clean rebuild (${-surplus}x): ${line}`);
  }
}
