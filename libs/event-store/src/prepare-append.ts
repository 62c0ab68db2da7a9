import { randomUUID } from 'node:crypto';
import { EventMetadata, NewEvent, RecordedEvent } from './event';
import { eventHash, GENESIS_HASH } from './hash-chain';

/** What an adapter must know about a stream's last event to append after it. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** An event ready to store: revision, time and hash chain filled in, data as plain JSON. */
export type PreparedEvent = Omit<RecordedEvent, 'position'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Turns new events into stored shape after `head`. Data and actor go through a JSON round trip
 * first, so that the hash covers exactly what is stored and read back (a `Date` in the data,
 * for instance, becomes its ISO string before it is hashed, not after).
 */
export function prepareAppend(
  streamId: string,
  head: StreamHead | null,
  events: readonly NewEvent[],
  recordedAt: string,
): PreparedEvent[] {
  assertAppendable(streamId, events);
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head?.revision ?? -1;
  return events.map((event) => {
    revision += 1;
    const eventId = (event.eventId ?? randomUUID()).toLowerCase();
    const data = jsonCopy(event.data);
    const actor = jsonCopy(event.metadata.actor);
    const schemaVersion = event.schemaVersion ?? 1;
    const fields = { eventId, type: event.type, schemaVersion, streamId, revision, recordedAt, data, actor };
    const hash = eventHash(prevHash, fields);
    const metadata: EventMetadata = {
      actor,
      correlationId: event.metadata.correlationId ?? randomUUID(),
      causationId: event.metadata.causationId ?? null,
      prevHash,
      hash,
    };
    prevHash = hash;
    return { eventId, type: event.type, schemaVersion, streamId, revision, recordedAt, data, metadata };
  });
}

function assertAppendable(streamId: string, events: readonly NewEvent[]): void {
  if (streamId.length === 0) throw new TypeError('appendToStream: the stream id is empty');
  if (events.length === 0) throw new TypeError(`appendToStream(${streamId}): no events to append`);
  const ids = events.flatMap((event) => (event.eventId === undefined ? [] : [event.eventId.toLowerCase()]));
  const malformed = ids.find((id) => !UUID.test(id));
  if (malformed !== undefined) throw new TypeError(`appendToStream(${streamId}): event id ${malformed} is not a UUID`);
  if (new Set(ids).size !== ids.length) throw new TypeError(`appendToStream(${streamId}): an event id repeats`);
}

/** The JSON round trip that stored data and actor go through: a `Date` becomes its ISO string, `undefined` goes. */
export function jsonCopy<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}
