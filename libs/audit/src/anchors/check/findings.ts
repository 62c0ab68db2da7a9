/**
 * What checking an anchor against the store can find. Each kind names the stream and revision it
 * is about, except the anchor-wide ones (`signature-invalid`, `leaves-altered`, `log-changed`).
 *
 * - `signature-invalid`: the anchor does not verify with a published key valid when it was taken
 *   (or an earlier anchor used as a checkpoint does not: `anchorId` names it);
 * - `leaves-altered`: the stored leaves no longer give the signed root (the audit tables were edited);
 * - `stream-missing`: an anchored stream has no event left (deleted whole); `revision` is 0,
 *   `anchoredRevision` its anchored head;
 * - `tail-missing`: the stream ends before its anchored head (its tail was deleted); `revision` is
 *   the first missing one;
 * - `head-changed`: another hash at the anchored head: the stream was rewritten and re-hashed at or
 *   before `revision` (the lowest revision an anchor saw whose hash differs now), after `intactThrough`
 *   (the highest one whose hash still matches) when an earlier anchor tells;
 * - `chain-broken`: the stored hashes no longer follow from the stored events; `revision` is the first
 *   broken link;
 * - `event-inserted`: an event at or below the anchor's last position that the anchor does not cover
 *   (a forged event at an old position, which readers of the stream show but projections past that
 *   position never see), at `position`;
 * - `event-moved`: an anchored event whose position is no longer where the anchor saw it (edited
 *   past the anchor, or into another anchor's interval), now at `position`;
 * - `log-changed`: the events between two anchors' positions no longer give the signed log hash or
 *   count: `fromPosition` (exclusive) to `toPosition`, signed by `anchorId`. Named alongside whichever
 *   finding above explains it; alone it means an event's position was edited within that interval
 *   (with a hash that does not cover the position).
 */
export const FINDING_KINDS = [
  'signature-invalid',
  'leaves-altered',
  'stream-missing',
  'tail-missing',
  'head-changed',
  'chain-broken',
  'event-inserted',
  'event-moved',
  'log-changed',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  readonly kind: FindingKind;
  readonly streamId?: string;
  readonly revision?: number;
  /** One line for a person. */
  readonly detail: string;
  readonly anchoredRevision?: number;
  readonly anchoredHash?: string;
  /** `head-changed`: the highest revision an anchor saw that is still as it saw it. */
  readonly intactThrough?: number;
  readonly currentHash?: string | null;
  readonly position?: string;
  readonly fromPosition?: string | null;
  readonly toPosition?: string;
  readonly anchorId?: string;
}

/**
 * Findings in a stable order (anchor-wide first, then by stream and revision), each once: an event
 * found against two anchors is named once, against the first (the earliest interval).
 */
export function settleFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((finding) => {
    const about = finding.streamId === undefined ? `${finding.anchorId ?? ''}\u0000${finding.toPosition ?? ''}` : `${finding.streamId}\u0000${finding.revision}`;
    const key = `${finding.kind}\u0000${about}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const order = (finding: Finding): string => `${finding.streamId === undefined ? 0 : 1}\u0000${finding.streamId ?? ''}`;
  return unique.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    if (x !== y) return x < y ? -1 : 1;
    return (a.revision ?? -1) - (b.revision ?? -1) || FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind);
  });
}
