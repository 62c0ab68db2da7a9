import { ClientBase, Pool } from 'pg';
import { NewEvent, RecordedEvent } from '../event';
import { prepareAppend, PreparedEvent, StreamHead } from '../prepare-append';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-rows';

/** A pool or a checked-out client: anything that runs a parameterised query. */
export type Queryable = Pick<Pool | ClientBase, 'query'>;

/** Positions reserved for one transaction: `(base + xid) << 20`, so up to 2^20 events per transaction. */
export const EVENTS_PER_TRANSACTION = 1 << 20;

/**
 * Inserts the events in ONE statement, so all or none are stored without an explicit
 * transaction. Each position is `((base + pg_current_xact_id()) << 20) + n`, n counting the
 * events this transaction has written so far (found with an index range scan over the
 * transaction's own position block), so that positions grow in transaction-id order and readers
 * can stop below the oldest running transaction (`event_store.readable_below()`). The base
 * (`event_store.position_base()`, docs/decisions.md 20) is 0 until a logical restore raises it
 * above the restored head; it refuses, and so does this statement, on a cluster that has not been
 * through that step. `transaction_id` defaults to the writer's id, for diagnosis only.
 */
const INSERT_EVENTS = `
  WITH block AS (
    SELECT (event_store.position_base() + pg_current_xact_id()::text::bigint) << 20 AS low
  ), counted AS (
    SELECT low, COALESCE(
      (SELECT max(position) FROM event_store.events WHERE position BETWEEN low AND low + ${EVENTS_PER_TRANSACTION - 1}) - low + 1,
      0) AS written
    FROM block
  )
  INSERT INTO event_store.events
    (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
  SELECT counted.low + counted.written + e.ordinal - 1, e.event_id, $1::text, e.revision, e.type, e.schema_version,
    e.data, e.metadata, e.recorded_at
  FROM counted,
    unnest($2::uuid[], $3::int[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::timestamptz[])
      WITH ORDINALITY AS e(event_id, revision, type, schema_version, data, metadata, recorded_at, ordinal)
  ORDER BY e.ordinal
  RETURNING ${EVENT_COLUMNS}`;

/** Stores prepared events of one stream; unique violations and connection errors propagate. */
export async function insertEvents(db: Queryable, streamId: string, events: readonly PreparedEvent[]): Promise<RecordedEvent[]> {
  if (events.length >= EVENTS_PER_TRANSACTION) {
    throw new RangeError(`An append holds at most ${EVENTS_PER_TRANSACTION - 1} events`);
  }
  const result = await db.query<EventRow>(INSERT_EVENTS, [
    streamId,
    events.map((event) => event.eventId),
    events.map((event) => event.revision),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
    events.map((event) => event.recordedAt),
  ]);
  return result.rows.map(toRecordedEvent).sort((a, b) => a.revision - b.revision);
}

/**
 * TEST-ONLY: appends after `head` on the caller's client, inside whatever transaction the
 * caller holds open, with the adapter's own statement but without the expected-revision check,
 * the retry or the head cache. The ordering proof (test/reliability/global-order.int-spec.ts)
 * uses it to hold transactions open on purpose. Application code calls
 * `PostgresEventStore.appendToStream`.
 */
export async function appendWithClient(
  client: ClientBase,
  streamId: string,
  head: StreamHead | null,
  events: readonly NewEvent[],
  recordedAt: Date = new Date(),
): Promise<RecordedEvent[]> {
  return insertEvents(client, streamId, prepareAppend(streamId, head, events, recordedAt.toISOString()));
}
