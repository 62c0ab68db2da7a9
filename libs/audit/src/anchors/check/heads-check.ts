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

/**
 * Narrows each `head-changed` finding with the earlier anchors' leaves of the same stream (`leafSets`:
 * the leaf sets of anchors whose signatures hold): the highest anchored revision whose hash the store
 * still holds is intact with everything before it (each hash chains over the one before), and the lowest
 * whose hash differs was rewritten at or before it. The finding's `revision` becomes that lowest one, and
 * `intactThrough` the highest intact one (absent when no earlier anchor saw the stream intact).
 */
export async function narrowRewrites(sql: Sql, findings: readonly Finding[], leafSets: readonly string[]): Promise<Finding[]> {
  const narrowed: Finding[] = [];
  for (const finding of findings) {
    if (finding.kind !== 'head-changed' || leafSets.length === 0) {
      narrowed.push(finding);
      continue;
    }
    const rows = await sql.query<{ revision: number; same: boolean }>(
      `SELECT DISTINCT l.revision, l.head_hash = coalesce(e.metadata->>'hash', '') AS same
       FROM audit.anchor_leaves l LEFT JOIN event_store.events e ON e.stream_id = l.stream_id AND e.revision = l.revision
       WHERE l.anchor_id = ANY($1::uuid[]) AND l.stream_id = $2 ORDER BY l.revision`,
      [leafSets, finding.streamId],
    );
    const firstChanged = rows.find((row) => !row.same)?.revision ?? finding.revision!;
    const intact = rows.filter((row) => row.same && row.revision < firstChanged).at(-1)?.revision;
    const range = intact === undefined ? `at or before revision ${firstChanged}` : `after revision ${intact}, at or before ${firstChanged}`;
    narrowed.push({
      ...finding,
      revision: firstChanged,
      ...(intact !== undefined && { intactThrough: intact }),
      detail: `${finding.streamId} was rewritten (and re-hashed) ${range}: revision ${finding.anchoredRevision} has another hash than anchored`,
    });
  }
  return narrowed;
}
