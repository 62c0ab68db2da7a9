import type { PublishedKey } from '../anchor-keyring';
import { verifyAnchorWithKeys } from '../anchor-keyring';
import type { StoredAnchor } from '../anchor-store';
import { anchorRows } from '../anchor-store';
import { EMPTY_LOG, extendLogFromStore, LogState } from '../log/log-hash';
import type { Sql } from '../stream-heads';
import type { Finding } from './findings';

/** An interval of the log whose events no longer give what the anchor at its end signed. */
interface ChangedInterval {
  readonly anchor: StoredAnchor;
  readonly from: string | null;
}

/** Every anchor up to `target` that commits to the log, signature checked, one per position, in position order. */
async function checkpoints(sql: Sql, target: StoredAnchor, keys: readonly PublishedKey[], findings: Finding[]): Promise<StoredAnchor[]> {
  const byPosition = new Map<string, StoredAnchor>();
  for (let beforeSeq = target.seq + 1; ; ) {
    const page = await anchorRows.page(sql, 1_000, beforeSeq);
    for (const stored of page) {
      const { anchor } = stored;
      if (anchor.logHash === null || anchor.lastPosition === null || BigInt(anchor.lastPosition) > BigInt(target.anchor.lastPosition!)) continue;
      if (stored.seq !== target.seq && !verifyAnchorWithKeys(anchor, keys).valid) {
        findings.push({ kind: 'signature-invalid', anchorId: anchor.id, detail: `earlier anchor ${anchor.id} does not verify: not used as a checkpoint` });
        continue;
      }
      if (!byPosition.has(anchor.lastPosition)) byPosition.set(anchor.lastPosition, stored);
    }
    if (page.length < 1_000) break;
    beforeSeq = page[page.length - 1].seq;
  }
  return [...byPosition.values()].sort((a, b) => (BigInt(a.anchor.lastPosition!) < BigInt(b.anchor.lastPosition!) ? -1 : 1));
}

/**
 * Reads the log once in position order up to the target anchor's position and compares it, at
 * each earlier anchor's position, with what that anchor signed. After each comparison it goes on
 * from the signed state, not the recomputed one, so each interval between two anchors is judged
 * on its own: a change is placed between the last anchor that still matches and the first that
 * does not. Answers the changed intervals, and how many events the store holds up to the target.
 */
async function changedIntervals(sql: Sql, points: readonly StoredAnchor[]): Promise<{ changed: ChangedInterval[]; events: number }> {
  const changed: ChangedInterval[] = [];
  let signed: LogState = EMPTY_LOG;
  let events = 0;
  for (const stored of points) {
    const { anchor } = stored;
    const current = await extendLogFromStore(sql, { ...signed, events: 0 }, anchor.lastPosition!);
    events += current.events;
    if (current.logHash !== anchor.logHash || signed.events + current.events !== anchor.events) changed.push({ anchor: stored, from: signed.lastPosition });
    signed = { events: anchor.events, logHash: anchor.logHash!, lastPosition: anchor.lastPosition };
  }
  return { changed, events };
}

interface EventRow {
  readonly stream_id: string;
  readonly revision: number;
  readonly position: string;
  readonly covered: boolean;
}

/**
 * Names the events that make an interval differ from its anchor `at`: events in the interval that
 * `at` does not cover (inserted, or moved down from later), and events `at` covers that now sit
 * past its position (moved up). `target` tells an inserted event from a moved one: an event the
 * anchor being checked covers was moved.
 */
async function locate(sql: Sql, at: StoredAnchor, from: string | null, target: StoredAnchor): Promise<Finding[]> {
  const L = at.anchor.lastPosition!;
  const below = await sql.query<EventRow>(
    `SELECT e.stream_id, e.revision, e.position::text AS position,
            EXISTS (SELECT 1 FROM audit.anchor_leaves t WHERE t.anchor_id = $4 AND t.stream_id = e.stream_id AND t.revision >= e.revision) AS covered
     FROM event_store.events e
     LEFT JOIN audit.anchor_leaves l ON l.anchor_id = $1 AND l.stream_id = e.stream_id
     WHERE e.position <= $2::bigint AND ($3::bigint IS NULL OR e.position > $3::bigint) AND (l.stream_id IS NULL OR e.revision > l.revision)
     ORDER BY e.position`,
    [at.leavesOf, L, from, target.leavesOf],
  );
  const above = await sql.query<EventRow>(
    `SELECT e.stream_id, e.revision, e.position::text AS position, true AS covered
     FROM audit.anchor_leaves l JOIN event_store.events e ON e.stream_id = l.stream_id AND e.revision <= l.revision
     WHERE l.anchor_id = $1 AND e.position > $2::bigint ORDER BY e.position`,
    [at.leavesOf, L],
  );
  const moved = (row: EventRow, where: string): Finding => ({
    kind: 'event-moved',
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    anchorId: at.anchor.id,
    detail: `${row.stream_id} revision ${row.revision} is at position ${row.position}, ${where} anchor ${at.anchor.id} (position ${L}) saw it`,
  });
  return [
    ...below.map((row) =>
      row.covered && at.seq !== target.seq
        ? moved(row, 'below where')
        : ({
            kind: 'event-inserted',
            streamId: row.stream_id,
            revision: row.revision,
            position: row.position,
            anchorId: at.anchor.id,
            detail: `${row.stream_id} revision ${row.revision} sits at position ${row.position}, at or below anchor ${at.anchor.id}'s position ${L}, which does not cover it`,
          } satisfies Finding),
    ),
    ...above.map((row) => moved(row, 'past where')),
  ];
}

/**
 * The log part of an anchor check: every changed interval up to the target anchor, and the events
 * that explain each; and the leaf sets of the anchors used as checkpoints (their signatures hold). The queries that name events run only where the log differs, and always for
 * an anchor taken before the log was anchored (which signed no log to compare).
 */
export async function checkLog(sql: Sql, target: StoredAnchor, keys: readonly PublishedKey[]): Promise<{ findings: Finding[]; events: number; leafSets: string[] }> {
  const findings: Finding[] = [];
  if (target.anchor.lastPosition === null) return { findings, events: 0, leafSets: [] };
  if (target.anchor.logHash === null) return { findings: await locate(sql, target, null, target), events: target.anchor.events, leafSets: [target.leavesOf] };
  const points = await checkpoints(sql, target, keys, findings);
  const { changed, events } = await changedIntervals(sql, points);
  for (const { anchor, from } of changed) {
    findings.push({
      kind: 'log-changed',
      anchorId: anchor.anchor.id,
      fromPosition: from,
      toPosition: anchor.anchor.lastPosition!,
      detail: `the events after position ${from ?? 'the start'} up to ${anchor.anchor.lastPosition} no longer give the log that anchor ${anchor.anchor.id} signed`,
    });
    findings.push(...(await locate(sql, anchor, from, target)));
  }
  if (changed.length > 0 && changed[changed.length - 1].anchor.seq !== target.seq) findings.push(...(await locate(sql, target, null, target)));
  return { findings, events, leafSets: [...new Set(points.map((point) => point.leavesOf))] };
}
