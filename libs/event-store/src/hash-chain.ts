import { createHash } from 'node:crypto';
import { Actor } from './event';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields that an event's hash covers (QUALITY.md "Security"). */
export interface HashedFields {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly revision: number;
  readonly recordedAt: string;
  readonly data: unknown;
  readonly actor: Actor;
}

/** SHA-256 (hex) over `prevHash` followed by the RFC 8785 canonical JSON of the event. */
export function eventHash(prevHash: string, event: HashedFields): string {
  const canonical = canonicalJson({
    id: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    recordedAt: event.recordedAt,
    data: event.data,
    actor: event.actor,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** A stored event as the chain sees it: a `RecordedEvent` read raw fits, actor in its metadata. */
export interface ChainLink extends Omit<HashedFields, 'actor'> {
  readonly metadata: { readonly actor: Actor; readonly prevHash: string; readonly hash: string };
}

export interface ChainVerification {
  readonly valid: boolean;
  readonly events: number;
  readonly headHash: string;
  /** The first revision whose link does not hold: changed, missing or out of place. */
  readonly firstBrokenRevision?: number;
}

/**
 * Whether one stored event continues its chain: it sits at `revision`, names `prevHash` (the hash
 * of the event before it), and its own hash is what its stored fields give. The one definition of
 * a sound link, for {@link verifyChain} and for checks that read a long stream page by page.
 * Metadata is read defensively: a row rewritten by hand may hold anything.
 */
export function linkHolds(event: ChainLink, revision: number, prevHash: string): boolean {
  const metadata = event.metadata as Partial<ChainLink['metadata']> | null;
  return (
    event.revision === revision &&
    metadata?.prevHash === prevHash &&
    eventHash(prevHash, { ...event, actor: metadata.actor as Actor }) === metadata.hash
  );
}

/**
 * Recomputes a stream's chain from its stored (not upcast) events, in revision order.
 * A changed event breaks its own hash; a deleted one leaves a gap in revisions or a
 * `prevHash` that no longer matches.
 */
export function verifyChain(events: readonly ChainLink[]): ChainVerification {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (!linkHolds(event, index, prevHash)) {
      return { valid: false, events: events.length, headHash: events.at(-1)!.metadata.hash, firstBrokenRevision: index };
    }
    prevHash = event.metadata.hash;
  }
  return { valid: true, events: events.length, headHash: prevHash };
}
