import { EventMetadata, NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { sealOf, SealKey } from './chain-seal';
import { eventHash, GENESIS_HASH } from './hash-chain';

/** What an adapter must know about a stream's last event to append after it. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** An event ready to place: revision and time filled in, data as plain JSON; no position or hash yet. */
export type PreparedEvent = Omit<RecordedEvent, 'position' | 'transactionId' | 'metadata'> & {
  readonly metadata: Omit<EventMetadata, 'prevHash' | 'hash' | 'seal'>;
};

/** Where the adapter stores an event: its global position and, where it has one, the writer's transaction. */
export interface Placement {
  readonly position: string;
  readonly transactionId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Turns new events into stored shape after `head`, but for what the adapter decides when it
 * stores them (position, transaction) and the chain that covers those ({@link chainEvents}).
 * Data and actor go through a JSON round trip first, so that the hash covers exactly what is
 * stored and read back (a `Date` in the data, for instance, becomes its ISO string before it is
 * hashed, not after).
 */
export function prepareAppend(
  streamId: string,
  head: StreamHead | null,
  events: readonly NewEvent[],
  recordedAt: string,
): PreparedEvent[] {
  assertAppendable(streamId, events);
  let revision = head?.revision ?? -1;
  return events.map((event) => {
    revision += 1;
    const eventId = (event.eventId ?? randomUUID()).toLowerCase();
    const metadata = {
      actor: jsonCopy(event.metadata.actor),
      correlationId: event.metadata.correlationId ?? randomUUID(),
      causationId: event.metadata.causationId ?? null,
    };
    const schemaVersion = event.schemaVersion ?? 1;
    return { eventId, type: event.type, schemaVersion, streamId, revision, recordedAt, data: jsonCopy(event.data), metadata };
  });
}

/**
 * The stored events: each prepared event at its placement, chained after `head` (64 zeros for a
 * new stream) with `prevHash` and the hash of its whole envelope (hash-chain.ts), and sealed with
 * `seal` when the store has a key (chain-seal.ts). The adapter calls it once the positions are
 * known, before it stores anything.
 */
export function chainEvents(
  head: StreamHead | null,
  prepared: readonly PreparedEvent[],
  placements: readonly Placement[],
  seal?: SealKey,
): RecordedEvent[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  return prepared.map((event, index) => {
    const { position, transactionId } = placements[index];
    const unhashed = { ...event, position, ...(transactionId !== undefined && { transactionId }), metadata: { ...event.metadata, prevHash } };
    const hash = eventHash(unhashed);
    const metadata: EventMetadata = { ...unhashed.metadata, hash, ...(seal && { seal: sealOf(hash, seal) }) };
    prevHash = hash;
    return { ...unhashed, metadata };
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
