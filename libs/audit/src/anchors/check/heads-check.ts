import type { Sql } from '../stream-heads';
import type { Finding } from './findings';

/**
 * Every anchored stream's head as the store holds it now, in one statement: the event at the
 * anchored revision (its hash) and, where it is gone, the stream's last revision below it. Answers
 * only the streams that differ: deleted whole, cut short, or another hash at the anchored head.
 */
export async function checkHeads(sql: Sql, leavesOf: string): Promise<Finding[]> {
  const rows = await sql.query<{ stream_id: string; revision: number; head_hash: string; current_hash: string | null; last_revision: number | null }>(
    `SELECT l.stream_id, l.revision, l.head_hash, coalesce(e.metadata->>'hash', CASE WHEN e.position IS NULL THEN NULL ELSE '' END) AS current_hash,
            CASE WHEN e.position IS NULL
                 THEN (SELECT max(x.revision) FROM event_store.events x WHERE x.stream_id = l.stream_id AND x.revision < l.revision) END AS last_revision
     FROM audit.anchor_leaves l
     LEFT JOIN event_store.events e ON e.stream_id = l.stream_id AND e.revision = l.revision
     WHERE l.anchor_id = $1 AND (e.position IS NULL OR e.metadata->>'hash' IS DISTINCT FROM l.head_hash)
     ORDER BY l.leaf_index`,
    [leavesOf],
  );
  return rows.map((row): Finding => {
    const anchored = { streamId: row.stream_id, anchoredRevision: row.revision, anchoredHash: row.head_hash };
    if (row.current_hash !== null) {
      return {
        kind: 'head-changed',
        ...anchored,
        revision: row.revision,
        currentHash: row.current_hash,
        detail: `${row.stream_id} revision ${row.revision} has another hash than anchored: rewritten (and re-hashed) at or before it`,
      };
    }
    if (row.last_revision === null) {
      return { kind: 'stream-missing', ...anchored, revision: 0, currentHash: null, detail: `${row.stream_id} has no event left; the anchor covered revisions 0 to ${row.revision}` };
    }
    const first = row.last_revision + 1;
    return { kind: 'tail-missing', ...anchored, revision: first, currentHash: null, detail: `${row.stream_id} ends at revision ${row.last_revision}; revisions ${first} to ${row.revision} are gone` };
  });
}
