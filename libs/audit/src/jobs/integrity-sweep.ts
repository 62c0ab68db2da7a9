import type { EventStore, SealCheck } from '@ree/event-store';
import { randomUUID } from 'node:crypto';
import { PublishedKey, verifyAnchorWithKeys } from '../anchors/anchor-keyring';
import { anchorRows, StoredAnchor } from '../anchors/anchor-store';
import { checkAnchor } from '../anchors/check/anchor-check';
import { Finding, settleFindings } from '../anchors/check/findings';
import type { Sql } from '../anchors/stream-heads';
import { verifyStream } from '../integrity/verify-stream';
import { IntegritySweepRecord, sweepRecords } from './sweep-records';

/** Stream ids read per query. */
const STREAM_PAGE = 1_000;

/** The stream ids after `after`, `limit` of them, by a loose index scan over `(stream_id, revision)`. */
async function streamIds(sql: Sql, after: string | null, limit: number): Promise<string[]> {
  const rows = await sql.query<{ stream_id: string }>(
    `WITH RECURSIVE streams AS (
       (SELECT stream_id FROM event_store.events WHERE ($1::text IS NULL OR stream_id > $1) ORDER BY stream_id LIMIT 1)
       UNION ALL
       SELECT (SELECT e.stream_id FROM event_store.events e WHERE e.stream_id > s.stream_id ORDER BY e.stream_id LIMIT 1)
       FROM streams s WHERE s.stream_id IS NOT NULL
     )
     SELECT stream_id FROM streams WHERE stream_id IS NOT NULL LIMIT $2`,
    [after, limit],
  );
  return rows.map((row) => row.stream_id);
}

/**
 * The latest anchor whose signature holds with a published key valid when it was taken. Newer rows
 * that do not verify are findings themselves, and are passed over: a row forged into `audit.anchors`
 * must not take the place of the real latest anchor in the check.
 */
async function latestValidAnchor(sql: Sql, keys: readonly PublishedKey[], findings: Finding[]): Promise<StoredAnchor | null> {
  for (let beforeSeq: number | undefined; ; ) {
    const page = await anchorRows.page(sql, 100, beforeSeq);
    for (const stored of page) {
      const verification = verifyAnchorWithKeys(stored.anchor, keys);
      if (verification.valid) return stored;
      findings.push({ kind: 'signature-invalid', anchorId: stored.anchor.id, detail: `anchor ${stored.anchor.id} does not verify: ${verification.problems.join('; ')}` });
    }
    if (page.length < 100) return null;
    beforeSeq = page[page.length - 1].seq;
  }
}

export interface IntegritySweepOptions {
  /** The job that runs it: a job run again answers the sweep it recorded. */
  readonly jobId?: string;
  /** Told of each finding as the sweep ends (the worker logs one line each). */
  readonly onFinding?: (finding: Finding, sweepId: string) => void;
  /** Checks each link's seal too (docs/decisions.md, 29): without it, a forgery re-hashed by the public algorithm passes. */
  readonly sealHolds?: SealCheck;
}

/**
 * The integrity sweep: recomputes every stream's whole hash chain (`verifyStream`, page by page),
 * checks the latest anchor that verifies against the store (its signature, heads and the global log; its
 * streams' chains are among those just recomputed), records the run in `audit.integrity_sweeps`
 * and answers it. Reads every event: a nightly job's work.
 */
export async function runIntegritySweep(sql: Sql, store: EventStore, keys: readonly PublishedKey[], options: IntegritySweepOptions = {}): Promise<IntegritySweepRecord> {
  if (options.jobId) {
    const done = await sweepRecords.byJob(sql, options.jobId);
    if (done) return done;
  }
  const startedAt = new Date().toISOString();
  const findings: Finding[] = [];
  let streams = 0;
  let events = 0;
  for (let page = await streamIds(sql, null, STREAM_PAGE); page.length > 0; ) {
    for (const streamId of page) {
      const integrity = await verifyStream(store, streamId, { sealHolds: options.sealHolds });
      streams += 1;
      events += integrity.events;
      if (integrity.firstBrokenRevision === undefined) continue;
      findings.push({
        kind: 'chain-broken',
        streamId,
        revision: integrity.firstBrokenRevision,
        detail: `${streamId}: the link at revision ${integrity.firstBrokenRevision} does not hold (${integrity.reason ?? 'changed, missing or out of place'})`,
      });
    }
    page = page.length < STREAM_PAGE ? [] : await streamIds(sql, page[page.length - 1], STREAM_PAGE);
  }
  const latest = await latestValidAnchor(sql, keys, findings);
  if (latest) findings.push(...(await checkAnchor(sql, store, keys, latest.anchor.id, { chains: false })).findings);
  const settled = settleFindings(findings);
  const record = await sweepRecords.record(sql, {
    sweepId: randomUUID(),
    jobId: options.jobId ?? null,
    startedAt,
    finishedAt: new Date().toISOString(),
    anchorId: latest?.anchor.id ?? null,
    streams,
    events,
    consistent: settled.length === 0,
    findings: settled,
  });
  for (const finding of record.findings) options.onFinding?.(finding, record.sweepId);
  return record;
}
