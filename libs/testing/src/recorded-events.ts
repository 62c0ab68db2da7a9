import type { DomainEvent, RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';

let nextPosition = 1_000_000;

/**
 * Wraps domain events of one stream as the store would deliver them (revisions from 0, growing
 * positions), for projection tests that do not need a real append.
 */
export function recordedStream(streamId: string, events: readonly DomainEvent[], recordedAt = new Date('2025-03-01T09:00:00Z')): RecordedEvent[] {
  return events.map((event, revision) => ({
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    streamId,
    revision,
    position: String(nextPosition++),
    recordedAt: new Date(recordedAt.getTime() + revision * 1000).toISOString(),
    data: event.data,
    metadata: {
      actor: { sub: 'test-licensing-officer', role: 'licensing-officer' },
      correlationId: 'test-correlation',
      causationId: null,
      prevHash: '0'.repeat(64),
      hash: '0'.repeat(64),
    },
  }));
}
