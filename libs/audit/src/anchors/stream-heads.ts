import type { AnchorLeaf } from './anchor';

/** Anything that runs SQL: TypeORM's DataSource, EntityManager or QueryRunner. */
export interface Sql {
  query<Row = unknown>(sql: string, parameters?: unknown[]): Promise<Row[]>;
}

export interface StreamHeads {
  readonly heads: AnchorLeaf[];
  /** The last global position the heads were read at; null when the store holds no event. */
  readonly lastPosition: string | null;
  /** The database's clock when they were read (ISO 8601, milliseconds, UTC). */
  readonly readAt: string;
}

/**
 * Every stream's last event below the store's read horizon, and that horizon's last position,
 * in one statement (one snapshot), from the PostgreSQL event store's table.
 *
 * The horizon is the global order's (docs/decisions.md, 1 and 20): only positions of transactions
 * older than the oldest one still running, so the heads are exactly the state at `lastPosition`
 * and no commit can later appear beneath it. Cheap: a loose index scan walks the `(stream_id, revision)` index
 * once per stream (the recursive part) and takes each stream's last revision below the horizon
 * from the same index, so the cost grows with the number of streams, not of events.
 */
export async function readStreamHeads(sql: Sql): Promise<StreamHeads> {
  const rows = await sql.query<{ stream_id: string | null; revision: number | null; hash: string | null; last_position: string | null; read_at: string }>(`
    WITH RECURSIVE horizon AS MATERIALIZED (
      SELECT event_store.readable_below() AS below
    ), streams AS (
      (SELECT stream_id FROM event_store.events ORDER BY stream_id LIMIT 1)
      UNION ALL
      SELECT (SELECT e.stream_id FROM event_store.events e WHERE e.stream_id > s.stream_id ORDER BY e.stream_id LIMIT 1)
      FROM streams s WHERE s.stream_id IS NOT NULL
    ), heads AS (
      SELECT s.stream_id, h.revision, h.hash
      FROM streams s
      CROSS JOIN LATERAL (
        SELECT e.revision, coalesce(e.metadata->>'hash', '') AS hash
        FROM event_store.events e, horizon
        WHERE e.stream_id = s.stream_id AND e.position < horizon.below
        ORDER BY e.revision DESC LIMIT 1
      ) h
      WHERE s.stream_id IS NOT NULL
    ), edge AS (
      SELECT (SELECT e.position::text FROM event_store.events e, horizon WHERE e.position < horizon.below
              ORDER BY e.position DESC LIMIT 1) AS last_position,
             to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS read_at
    )
    SELECT heads.stream_id, heads.revision, heads.hash, edge.last_position, edge.read_at
    FROM edge LEFT JOIN heads ON true`);
  const heads = rows
    .filter((row) => row.stream_id !== null)
    .map((row) => ({ streamId: row.stream_id!, revision: row.revision!, headHash: row.hash! }));
  return { heads, lastPosition: rows[0]?.last_position ?? null, readAt: rows[0].read_at };
}
