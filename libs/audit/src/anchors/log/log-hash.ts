import { createHash } from 'node:crypto';
import { canonicalJson } from '@ree/event-store';
import type { Sql } from '../stream-heads';

/** The log hash of no event. */
export const LOG_GENESIS = '0'.repeat(64);

/** One event as the log commits to it: its place in the global order, its stream and revision, and its stored hash. */
export interface LogEntry {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  /** The event's stored `metadata.hash` (empty when a hand-made row has none). */
  readonly hash: string;
}

/** The log up to a position: how many events, and the running hash over them in position order. */
export interface LogState {
  readonly events: number;
  readonly logHash: string;
  /** The last position covered; null before the first event. */
  readonly lastPosition: string | null;
}

export const EMPTY_LOG: LogState = { events: 0, logHash: LOG_GENESIS, lastPosition: null };

/**
 * The running hash over the global log: `SHA-256(previous ‖ RFC 8785 JSON of {position, streamId,
 * revision, hash})`, hex, starting from 64 zeros. The position is in it, so that an event moved in
 * the order (or to another number) changes the log even where its own hash does not cover it.
 */
export function extendLog(logHash: string, entry: LogEntry): string {
  const { position, streamId, revision, hash } = entry;
  return createHash('sha256').update(logHash).update(canonicalJson({ position, streamId, revision, hash })).digest('hex');
}

/** Entries read per query: a long log is never held in memory whole. */
export const LOG_PAGE = 5_000;

/**
 * The stored events with `after < position <= upTo` in position order, page by page (keyset on
 * the primary key), as the log sees them. `after` null starts at the first event.
 */
export async function* logEntries(sql: Sql, after: string | null, upTo: string, pageSize = LOG_PAGE): AsyncGenerator<LogEntry[]> {
  let from = after;
  for (;;) {
    const rows = await sql.query<{ position: string; stream_id: string; revision: number; hash: string }>(
      `SELECT position::text AS position, stream_id, revision, coalesce(metadata->>'hash', '') AS hash
       FROM event_store.events WHERE ($1::bigint IS NULL OR position > $1::bigint) AND position <= $2::bigint
       ORDER BY position LIMIT $3`,
      [from, upTo, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({ position: row.position, streamId: row.stream_id, revision: row.revision, hash: row.hash }));
    if (rows.length < pageSize) return;
    from = rows[rows.length - 1].position;
  }
}

/** Extends `state` with every stored event after its last position up to `upTo`. */
export async function extendLogFromStore(sql: Sql, state: LogState, upTo: string): Promise<LogState> {
  let { events, logHash } = state;
  for await (const page of logEntries(sql, state.lastPosition, upTo)) {
    for (const entry of page) logHash = extendLog(logHash, entry);
    events += page.length;
  }
  return { events, logHash, lastPosition: upTo };
}
