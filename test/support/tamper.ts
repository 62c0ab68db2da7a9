import { eventHash } from '@ree/event-store';
import { EventMetadata, RecordedEvent } from '@ree/shared-kernel';
import { Client, type ClientBase, type Pool } from 'pg';
import { asSuperuser } from './postgres-admin';

/** A connection to the database of `pool` as the intruder: a superuser, which the application role is not. */
async function intruderClient(pool: Pool): Promise<Client> {
  const client = new Client({ connectionString: asSuperuser(pool.options.connectionString!), application_name: 'ree-test-intruder' });
  await client.connect();
  return client;
}

/** Runs one statement on the database of `pool` as the intruder (a superuser), the trigger left on. */
export async function queryAsIntruder(pool: Pool, sql: string, parameters: unknown[] = []): Promise<unknown> {
  const client = await intruderClient(pool);
  try {
    return await client.query(sql, parameters);
  } finally {
    await client.end();
  }
}

/**
 * Runs `change` on the database of `pool` as an intruder with a superuser's rights would (the
 * application role `pool` connects as may not: docs/decisions.md, 27): the append-only trigger is
 * disabled inside the transaction that makes the change and enabled again before it commits, so no
 * other session ever sees the table unguarded (PostgreSQL's DDL is transactional), and a failure
 * rolls both back.
 */
export async function tamperWith<T>(pool: Pool, change: (client: ClientBase) => Promise<T>): Promise<T> {
  const client = await intruderClient(pool);
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_reject_update_delete');
    const result = await change(client);
    await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_reject_update_delete');
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** One statement run past the append-only trigger ({@link tamperWith}); answers the rows it changed. */
export async function tamperWithEvents(pool: Pool, sql: string, parameters: unknown[]): Promise<number> {
  return tamperWith(pool, async (client) => (await client.query(sql, parameters)).rowCount ?? 0);
}

/** An event as a forger writes it: the envelope with its metadata, the chain's `hash` left to {@link rehashed}. */
export type ForgedEvent = Omit<RecordedEvent, 'metadata'> & { readonly metadata: Omit<EventMetadata, 'hash'> & { readonly hash?: string } };

/**
 * The event with its hash recomputed by the public algorithm (SHA-256 over `prevHash` and the
 * canonical JSON of the envelope), as anyone who read the code can. The seal, a MAC with a key the
 * forger does not hold, is kept as it was (or left out when there was none).
 */
export function rehashed(event: ForgedEvent): RecordedEvent {
  const { hash: _old, ...metadata } = event.metadata;
  return { ...event, metadata: { ...metadata, hash: eventHash({ ...event, metadata }) } as EventMetadata };
}

/** Writes every column of a stored row (found by its event id) from `event`, as it is given. */
async function overwrite(client: ClientBase, event: RecordedEvent, eventId = event.eventId): Promise<void> {
  await client.query(
    `UPDATE event_store.events SET event_id = $2, stream_id = $3, revision = $4, type = $5, schema_version = $6, data = $7::jsonb,
       metadata = $8::jsonb, recorded_at = $9, position = $10::bigint, transaction_id = COALESCE($11::xid8, transaction_id)
     WHERE event_id = $1`,
    [eventId, event.eventId, event.streamId, event.revision, event.type, event.schemaVersion, JSON.stringify(event.data),
      JSON.stringify(event.metadata), event.recordedAt, event.position, event.transactionId ?? null],
  );
}

/**
 * Rewrites one revision of a stored stream with `change` and recomputes the hash of it and of
 * every later event, each naming the new hash before it: a chain that holds again by the public
 * algorithm. `stored` is the stream as read raw (every revision, in order). Answers the rewritten
 * events.
 */
export async function rewriteAndRehash(
  pool: Pool,
  stored: readonly RecordedEvent[],
  revision: number,
  change: (event: RecordedEvent) => ForgedEvent,
): Promise<RecordedEvent[]> {
  let prevHash = revision === 0 ? stored[0].metadata.prevHash : stored[revision - 1].metadata.hash;
  const rewritten = stored.slice(revision).map((event, index) => {
    const forged = index === 0 ? change(event) : event;
    const link = rehashed({ ...forged, metadata: { ...forged.metadata, prevHash } });
    prevHash = link.metadata.hash;
    return link;
  });
  await tamperWith(pool, async (client) => {
    for (const [index, event] of rewritten.entries()) await overwrite(client, event, stored[revision + index].eventId);
  });
  return rewritten;
}

/**
 * Inserts an event no writer appended, hashed by the public algorithm after `metadata.prevHash`,
 * at whatever position it names, as the intruder (a superuser: the application role may place an
 * event only in its own transaction's block, docs/decisions.md 35), with the transaction id
 * of that position's block (base 0, as in tests) unless it names one. Answers the row as inserted.
 */
export async function insertForgedEvent(pool: Pool, event: ForgedEvent): Promise<RecordedEvent> {
  const forged = rehashed({ ...event, transactionId: event.transactionId ?? String(BigInt(event.position) >> 20n) });
  await queryAsIntruder(
    pool,
    `INSERT INTO event_store.events (position, transaction_id, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
     VALUES ($1::bigint, $2::xid8, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)`,
    [forged.position, forged.transactionId, forged.eventId, forged.streamId, forged.revision, forged.type, forged.schemaVersion,
      JSON.stringify(forged.data), JSON.stringify(forged.metadata), forged.recordedAt],
  );
  return forged;
}
