import type { EventStore } from '@ree/event-store';
import { NotFound } from '@ree/shared-kernel';
import { verifyStream } from '../../integrity/verify-stream';
import type { Anchor } from '../anchor';
import { rootOfLeaves } from '../anchor';
import { PublishedKey, verifyAnchorWithKeys } from '../anchor-keyring';
import { anchorRows } from '../anchor-store';
import type { Sql } from '../stream-heads';
import { Finding, settleFindings } from './findings';
import { checkHeads, narrowRewrites } from './heads-check';
import { checkLog } from './log-check';

/** An anchor checked against the store as it is now. */
export interface AnchorCheck {
  readonly anchor: Anchor;
  /** True when nothing was found: the store still holds exactly what the anchor signed. */
  readonly consistent: boolean;
  /** Streams the anchor covers. */
  readonly streams: number;
  /** Events the store holds up to the anchor's position now (the anchor's own count is `anchor.events`). */
  readonly events: number;
  readonly findings: readonly Finding[];
}

export interface AnchorCheckOptions {
  /**
   * Recompute every anchored stream's chain up to its anchored revision (default true). The
   * integrity sweep verifies every whole stream itself and leaves it out here.
   */
  readonly chains?: boolean;
}

/**
 * Checks an anchor against the store (`anchorId` or `'latest'`; NotFound when there is none):
 *
 * 1. its signature, with a published key valid when it was taken;
 * 2. its stored leaves give its signed root;
 * 3. every anchored stream still has its anchored head, with the anchored hash (`heads-check.ts`):
 *    a stream deleted whole, a tail cut off, a stream rewritten and re-hashed are named (a rewrite
 *    narrowed down with the earlier anchors' heads of that stream);
 * 4. each anchored stream's chain up to the anchored revision still holds (`verifyStream`);
 * 5. the global log up to its position gives its signed count and log hash, compared at every
 *    earlier anchor's position too, and where it does not, the events that explain it are named:
 *    inserted at an old position, or moved (`log-check.ts`).
 * Reads every event up to the anchor's position (twice with `chains`): an auditor's and the
 * nightly sweep's tool, not a hot path.
 */
export async function checkAnchor(
  sql: Sql,
  store: EventStore,
  keys: readonly PublishedKey[],
  anchorId: string,
  options: AnchorCheckOptions = {},
): Promise<AnchorCheck> {
  const stored = anchorId === 'latest' ? await anchorRows.latest(sql) : await anchorRows.byId(sql, anchorId);
  if (!stored) throw new NotFound('Anchor', anchorId);
  const { anchor } = stored;
  const findings: Finding[] = [];
  const signature = verifyAnchorWithKeys(anchor, keys);
  if (!signature.valid) findings.push({ kind: 'signature-invalid', anchorId: anchor.id, detail: signature.problems.join('; ') });
  const leaves = await anchorRows.leaves(sql, stored.leavesOf);
  if (leaves.length !== anchor.streams || rootOfLeaves(leaves) !== anchor.root) {
    findings.push({ kind: 'leaves-altered', anchorId: anchor.id, detail: `the stored leaves of anchor ${anchor.id} no longer give its signed root` });
  }
  const heads = await checkHeads(sql, stored.leavesOf);
  if (options.chains ?? true) {
    const gone = new Set(heads.filter((finding) => finding.kind === 'stream-missing').map((finding) => finding.streamId));
    for (const leaf of leaves) {
      if (gone.has(leaf.streamId)) continue;
      const integrity = await verifyStream(store, leaf.streamId, { maxCount: leaf.revision + 1 });
      if (integrity.firstBrokenRevision === undefined) continue;
      findings.push({
        kind: 'chain-broken',
        streamId: leaf.streamId,
        revision: integrity.firstBrokenRevision,
        anchoredRevision: leaf.revision,
        detail: `${leaf.streamId}: the link at revision ${integrity.firstBrokenRevision} does not hold (changed, missing or out of place)`,
      });
    }
  }
  const log = await checkLog(sql, stored, keys);
  findings.push(...(await narrowRewrites(sql, heads, log.leafSets)), ...log.findings);
  const settled = settleFindings(findings);
  return { anchor, consistent: settled.length === 0, streams: anchor.streams, events: log.events, findings: settled };
}
