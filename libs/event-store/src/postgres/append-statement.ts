import { RecordedEvent } from '@ree/shared-kernel';
import { ClientBase, Pool, type QueryResult, type QueryResultRow } from 'pg';
import type { SealKey } from '../chain-seal';
import { chainEvents, PreparedEvent, StreamHead } from '../prepare-append';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-rows';

/** A pool or a checked-out client: anything that runs a parameterised query. */
export type Queryable = Pick<Pool | ClientBase, 'query'>;

/** Positions reserved for one transaction: `(base + xid) << 20`, so up to 2^20 events per transaction. */
export const EVENTS_PER_TRANSACTION = 1 << 20;

/**
 * The transaction's position block: `(base + pg_current_xact_id()) << 20`, and how many events
 * this transaction has written into it so far (an index range scan over its own block), so that
 * positions grow in transaction-id order and readers can stop below the oldest running
 * transaction (`event_store.readable_below()`). Asking for the id gives the transaction one, so
 * from here until it ends readers stop below its block. The base (`event_store.position_base()`,
 * docs/decisions.md 20) is 0 until a logical restore raises it above the restored head; it
 * refuses, and so does this statement, on a cluster that has not been through that step.
 */
const READ_BLOCK = `
  WITH block AS (
    SELECT pg_current_xact_id() AS xid,
           (event_store.position_base() + pg_current_xact_id()::text::bigint) << 20 AS low
  )
  SELECT xid::text AS xid, low::text AS low, COALESCE(
      (SELECT max(position) FROM event_store.events WHERE position BETWEEN low AND low + ${EVENTS_PER_TRANSACTION - 1}) - low + 1,
      0)::text AS written
  FROM block`;

/**
 * Inserts chained events at the positions they were hashed with, all or none (one statement),
 * and only in the transaction whose block they were given: in another one it inserts nothing.
 */
const INSERT_EVENTS = `
  INSERT INTO event_store.events
    (position, transaction_id, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
  SELECT e.position, $2::xid8, e.event_id, $1::text, e.revision, e.type, e.schema_version, e.data, e.metadata, e.recorded_at
  FROM unnest($3::bigint[], $4::uuid[], $5::int[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[], $10::timestamptz[])
      AS e(position, event_id, revision, type, schema_version, data, metadata, recorded_at)
  WHERE pg_current_xact_id() = $2::xid8
  ORDER BY e.position
  RETURNING ${EVENT_COLUMNS}`;

/**
 * Stores prepared events of one stream after `head`, on a client inside a transaction the caller
 * holds open: reads the transaction's block, hashes each event with its position and the
 * transaction id (the chain covers both), then inserts them there. With `begin` it opens that
 * transaction itself, in the block read's round trip. Unique violations and connection errors
 * propagate; the caller rolls back.
 */
export async function insertEvents(
  client: Queryable,
  head: StreamHead | null,
  prepared: readonly PreparedEvent[],
  seal?: SealKey,
  begin = false,
): Promise<RecordedEvent[]> {
  if (prepared.length >= EVENTS_PER_TRANSACTION) {
    throw new RangeError(`An append holds at most ${EVENTS_PER_TRANSACTION - 1} events`);
  }
  const { xid, low, written } = await readBlock(client, begin);
  if (BigInt(written) + BigInt(prepared.length) > BigInt(EVENTS_PER_TRANSACTION)) {
    throw new RangeError(`A transaction writes at most ${EVENTS_PER_TRANSACTION} events`);
  }
  const first = BigInt(low) + BigInt(written);
  const placements = prepared.map((_, index) => ({ position: (first + BigInt(index)).toString(), transactionId: xid }));
  const events = chainEvents(head, prepared, placements, seal);
  const result = await client.query<EventRow>(INSERT_EVENTS, [
    prepared[0].streamId,
    xid,
    events.map((event) => event.position),
    events.map((event) => event.eventId),
    events.map((event) => event.revision),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
    events.map((event) => event.recordedAt),
  ]);
  if (result.rows.length !== events.length) {
    throw new Error('insertEvents: the block was read in another transaction; run both statements in one (BEGIN first)');
  }
  return result.rows.map(toRecordedEvent).sort((a, b) => a.revision - b.revision);
}

type Block = { xid: string; low: string; written: string };

/**
 * The block, with `begin` after a BEGIN sent in the same round trip: a statement without parameters
 * goes by the simple query protocol, which takes several at once and answers each.
 */
async function readBlock(client: Queryable, begin: boolean): Promise<Block> {
  if (!begin) return (await client.query<Block>(READ_BLOCK)).rows[0];
  const results: SeveralResults<Block> = await client.query<Block>(`BEGIN; ${READ_BLOCK}`);
  return (Array.isArray(results) ? results[results.length - 1] : results).rows[0];
}

/**
 * What `query` answers to a text of several statements (simple protocol): one result per statement, the last one's
 * rows those of `Row`. pg's types know only the single result, so the variable declares both.
 */
type SeveralResults<Row extends QueryResultRow> = QueryResult<Row> | Array<QueryResult<Row>>;

/**
 * Runs {@link insertEvents} in a transaction of its own on a connection of `pool`: all events or
 * none. A connection that failed under way is discarded rather than returned to the pool.
 */
export async function appendInTransaction(
  pool: Pool,
  head: StreamHead | null,
  prepared: readonly PreparedEvent[],
  seal?: SealKey,
): Promise<RecordedEvent[]> {
  const client = await pool.connect();
  let unusable: Error | undefined;
  try {
    const recorded = await insertEvents(client, head, prepared, seal, true);
    await client.query('COMMIT');
    return recorded;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (unusable = rollbackError));
    throw error;
  } finally {
    client.release(unusable);
  }
}
