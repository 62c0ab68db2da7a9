import type { Anchor, AnchorLeaf } from './anchor';
import type { Sql } from './stream-heads';

/** A stored anchor: the signed anchor, its place in the list, and whose leaf rows it uses. */
export interface StoredAnchor {
  readonly anchor: Anchor;
  /** Grows with every anchor: the lists' order and cursor. */
  readonly seq: number;
  /** The anchor whose `anchor_leaves` rows are this one's (itself, or an earlier one with the same root). */
  readonly leavesOf: string;
}

interface AnchorRow {
  readonly id: string;
  readonly sequence: string;
  readonly taken_at: string;
  readonly root: string;
  readonly streams: number;
  readonly events: string;
  readonly last_position: string | null;
  readonly key_id: string;
  readonly signature: string;
  readonly leaves_of: string;
  readonly log_hash: string | null;
}

/** `seq` goes out under another name: an output column `seq` of type text would make `ORDER BY seq` sort the text. */
const COLUMNS = `anchor_id::text AS id, seq::text AS sequence,
  to_char(taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS taken_at, root, streams, events::text AS events,
  last_position::text AS last_position, key_id, signature, leaves_of::text AS leaves_of, log_hash`;

function storedAnchorOf(row: AnchorRow): StoredAnchor {
  const anchor: Anchor = {
    id: row.id,
    root: row.root,
    takenAt: row.taken_at,
    streams: row.streams,
    events: Number(row.events),
    lastPosition: row.last_position,
    keyId: row.key_id,
    logHash: row.log_hash,
    signature: row.signature,
  };
  return { anchor, seq: Number(row.sequence), leavesOf: row.leaves_of };
}

/** Reads and writes of `audit.anchors` and `audit.anchor_leaves` (migrations 1764300007000 and 1764300015000). */
export const anchorRows = {
  async latest(sql: Sql): Promise<StoredAnchor | null> {
    const rows = await sql.query<AnchorRow>(`SELECT ${COLUMNS} FROM audit.anchors ORDER BY seq DESC LIMIT 1`);
    return rows.length > 0 ? storedAnchorOf(rows[0]) : null;
  },

  async byId(sql: Sql, anchorId: string): Promise<StoredAnchor | null> {
    const rows = await sql.query<AnchorRow>(`SELECT ${COLUMNS} FROM audit.anchors WHERE anchor_id = $1`, [anchorId]);
    return rows.length > 0 ? storedAnchorOf(rows[0]) : null;
  },

  async byJob(sql: Sql, jobId: string): Promise<StoredAnchor | null> {
    const rows = await sql.query<AnchorRow>(`SELECT ${COLUMNS} FROM audit.anchors WHERE job_id = $1`, [jobId]);
    return rows.length > 0 ? storedAnchorOf(rows[0]) : null;
  },

  /** Newest first, `limit` of them, older than `beforeSeq` when given. */
  async page(sql: Sql, limit: number, beforeSeq?: number): Promise<StoredAnchor[]> {
    const rows = await sql.query<AnchorRow>(
      `SELECT ${COLUMNS} FROM audit.anchors WHERE ($1::bigint IS NULL OR seq < $1::bigint) ORDER BY seq DESC LIMIT $2`,
      [beforeSeq ?? null, limit],
    );
    return rows.map(storedAnchorOf);
  },

  /** Every leaf of a leaf set, in tree order. */
  async leaves(sql: Sql, leavesOf: string): Promise<AnchorLeaf[]> {
    const rows = await sql.query<{ stream_id: string; revision: number; head_hash: string }>(
      `SELECT stream_id, revision, head_hash FROM audit.anchor_leaves WHERE anchor_id = $1 ORDER BY leaf_index`,
      [leavesOf],
    );
    return rows.map((row) => ({ streamId: row.stream_id, revision: row.revision, headHash: row.head_hash }));
  },

  /** One stream's leaf in a leaf set and its position in the tree. */
  async leaf(sql: Sql, leavesOf: string, streamId: string): Promise<{ leaf: AnchorLeaf; index: number } | null> {
    const rows = await sql.query<{ leaf_index: number; revision: number; head_hash: string }>(
      `SELECT leaf_index, revision, head_hash FROM audit.anchor_leaves WHERE anchor_id = $1 AND stream_id = $2`,
      [leavesOf, streamId],
    );
    if (rows.length === 0) return null;
    return { leaf: { streamId, revision: rows[0].revision, headHash: rows[0].head_hash }, index: rows[0].leaf_index };
  },

  /** Stores an anchor, with its leaves unless it shares an earlier anchor's (`leavesOf` ≠ its id). */
  async insert(sql: Sql, stored: StoredAnchorInput, leaves: readonly AnchorLeaf[]): Promise<void> {
    const { anchor, leavesOf, jobId } = stored;
    await sql.query(
      `INSERT INTO audit.anchors (anchor_id, taken_at, root, streams, events, last_position, key_id, signature, job_id, leaves_of, log_hash)
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6::bigint, $7, $8, $9, $10, $11)`,
      [anchor.id, anchor.takenAt, anchor.root, anchor.streams, anchor.events, anchor.lastPosition, anchor.keyId, anchor.signature, jobId ?? null, leavesOf, anchor.logHash],
    );
    if (leavesOf !== anchor.id) return;
    await sql.query(
      `INSERT INTO audit.anchor_leaves (anchor_id, leaf_index, stream_id, revision, head_hash)
       SELECT $1, leaf.ordinality - 1, leaf.stream_id, leaf.revision, leaf.head_hash
       FROM unnest($2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS leaf (stream_id, revision, head_hash, ordinality)`,
      [anchor.id, leaves.map((leaf) => leaf.streamId), leaves.map((leaf) => leaf.revision), leaves.map((leaf) => leaf.headHash)],
    );
  },
};

export interface StoredAnchorInput {
  readonly anchor: Anchor;
  readonly leavesOf: string;
  readonly jobId?: string;
}
