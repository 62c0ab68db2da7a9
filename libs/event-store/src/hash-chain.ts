import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The metadata keys the hash cannot cover: the hash itself, and the seal, which is a MAC over the
 * hash (chain-seal.ts). Every other metadata key is hashed, one added later too.
 */
export const UNHASHED_METADATA = ['hash', 'seal'] as const;

/**
 * An event as stored, the whole envelope: a `RecordedEvent` read raw fits. `transactionId` is
 * the writer's transaction where the adapter has one (PostgreSQL); an adapter without one leaves
 * it out, and the hash then has no such key.
 */
export interface ChainLink {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly transactionId?: string;
  readonly recordedAt: string;
  readonly data: unknown;
  readonly metadata: ChainMetadata;
}

/** The metadata the chain itself writes; every other key an event's metadata holds is hashed too. */
export interface ChainMetadata {
  readonly prevHash: string;
  readonly hash: string;
  readonly seal?: string;
}

/** An envelope before its hash: what {@link eventHash} reads. Extra metadata keys are hashed too. */
export type UnhashedEvent = Omit<ChainLink, 'metadata'> & {
  readonly metadata: { readonly prevHash: string };
};

/**
 * SHA-256 (hex) over the event's `metadata.prevHash` followed by the RFC 8785 canonical JSON of
 * the whole envelope: eventId, streamId, revision, type, schemaVersion, data, every metadata key
 * but {@link UNHASHED_METADATA} (actor, correlationId, causationId, prevHash, …), recordedAt,
 * position and, when the adapter has one, transactionId. Throws a TypeError on a value JSON cannot
 * hold (a stored row never has one: it went through JSON).
 */
export function eventHash(event: UnhashedEvent): string {
  const metadata = Object.fromEntries(
    Object.entries(event.metadata as object).filter(([key]) => !(UNHASHED_METADATA as readonly string[]).includes(key)),
  );
  const canonical = canonicalJson({
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata,
    recordedAt: event.recordedAt,
    position: event.position,
    transactionId: event.transactionId,
  });
  return createHash('sha256').update(String(event.metadata.prevHash)).update(canonical).digest('hex');
}

/** Why a link does not hold, in the order they are checked. */
export type LinkBreak =
  /** The row's metadata is not an object with a 64-hex `prevHash` and `hash`, or a field has no JSON form. */
  | 'malformed'
  /** Another revision sits where this one belongs: one before it was deleted, or rows were moved. */
  | 'revision-gap'
  /** `prevHash` is not the stored hash of the event before: that one (or its hash) was replaced. */
  | 'prev-hash'
  /** The stored fields no longer give the stored hash: the event was changed. */
  | 'hash'
  /** The hash holds but its seal does not: written or re-hashed without the sealing key. */
  | 'seal';

/** Why a stream's chain is broken: a link that does not hold, or no event at all where a stream was asked for. */
export type ChainBreak = LinkBreak | 'no-events';

/** Checks a link's seal (chain-seal.ts); absent, seals are not checked. */
export type SealCheck = (link: ChainLink) => boolean;

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * Why one stored event does not continue its chain, or null when it does: it sits at `revision`,
 * names `prevHash` (the stored hash of the event before), its stored fields give its stored hash,
 * and, with `sealHolds`, its seal holds. The one definition of a sound link, for
 * {@link verifyChain} and for checks that read a long stream page by page. The row is read
 * defensively: one rewritten by hand may hold anything, and never makes this throw.
 */
export function linkBreak(event: ChainLink, revision: number, prevHash: string, sealHolds?: SealCheck): LinkBreak | null {
  const metadata = event.metadata as unknown;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return 'malformed';
  const { hash, prevHash: named } = metadata as Record<string, unknown>;
  if (typeof hash !== 'string' || !HEX_64.test(hash) || typeof named !== 'string' || !HEX_64.test(named)) return 'malformed';
  if (event.revision !== revision) return 'revision-gap';
  if (named !== prevHash) return 'prev-hash';
  let recomputed: string;
  try {
    recomputed = eventHash(event);
  } catch {
    return 'malformed';
  }
  if (recomputed !== hash) return 'hash';
  if (sealHolds && !sealHolds(event)) return 'seal';
  return null;
}

/** Whether one stored event continues its chain: {@link linkBreak} finds nothing. */
export function linkHolds(event: ChainLink, revision: number, prevHash: string, sealHolds?: SealCheck): boolean {
  return linkBreak(event, revision, prevHash, sealHolds) === null;
}

/** The stored hash of a link as a string, '' when a hand-edited row has none. */
export function storedHashOf(event: ChainLink): string {
  const hash = (event.metadata as Partial<ChainLink['metadata']> | null)?.hash;
  return typeof hash === 'string' ? hash : '';
}

export interface ChainVerification {
  readonly valid: boolean;
  readonly events: number;
  readonly headHash: string;
  /** The first revision whose link does not hold: changed, missing or out of place. */
  readonly firstBrokenRevision?: number;
  /** Why that link does not hold. */
  readonly reason?: ChainBreak;
}

/**
 * Recomputes a stream's chain from its stored (not upcast) events, in revision order.
 * A changed event breaks its own hash; a deleted one leaves a gap in revisions or a
 * `prevHash` that no longer matches. No event at all is not a valid stream (`no-events` at
 * revision 0): a stream is asked about because it should exist, and a deleted one must not pass.
 */
export function verifyChain(events: readonly ChainLink[], sealHolds?: SealCheck): ChainVerification {
  if (events.length === 0) return { valid: false, events: 0, headHash: GENESIS_HASH, firstBrokenRevision: 0, reason: 'no-events' };
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const reason = linkBreak(event, index, prevHash, sealHolds);
    if (reason !== null) {
      return { valid: false, events: events.length, headHash: storedHashOf(events.at(-1)!), firstBrokenRevision: index, reason };
    }
    prevHash = event.metadata.hash;
  }
  return { valid: true, events: events.length, headHash: prevHash };
}
