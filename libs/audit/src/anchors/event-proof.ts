import type { ChainLink } from '@ree/event-store';
import { Anchor, AnchorLeaf, anchorLeafHash } from './anchor';
import { auditPath } from './merkle';

/** The version of the proof's shape; a verifier refuses any other. */
export const EVENT_PROOF_FORMAT = 'ree-event-proof/2';

/**
 * An event as stored, the whole envelope its hash covers (the event store's `ChainLink`), its
 * metadata holding `prevHash` and `hash`. The seal is left out: it is a MAC only the service's
 * key checks (docs/decisions.md 29), nothing a third party could verify.
 */
export type ProvenEvent = ChainLink;

/**
 * A Merkle inclusion proof of one event against a signed anchor (docs/api.md,
 * `GET /audit/events/{eventId}/proof`). A third party holding only the public key checks, in
 * this order ({@link verifyProof}):
 *
 * 1. the anchor's signature, by that key (the anchor's `keyId` is the key's fingerprint);
 * 2. `event.metadata.hash` = SHA-256(`prevHash` ‖ canonical JSON of the whole envelope but the
 *    hash), and each of `laterEvents` continues the chain: same stream, next revision,
 *    `prevHash` = the hash before it, its own hash recomputed the same way. Each hash chains over the one before, so
 *    the only way from an event to its stream's anchored head is through every later event of
 *    that stream up to the head: they are the same consignment's (licence's, mine's) record,
 *    never another stream's;
 * 3. the last of them is the anchored head: `leaf` names the same stream, revision and hash;
 * 4. the leaf's hash and `auditPath` lead, at `leaf.index` in a tree of `anchor.streams` leaves,
 *    to `anchor.root`.
 * The event's `prevHash` is not followed further back: it is fixed by the event's own hash.
 */
export interface EventProof {
  readonly format: typeof EVENT_PROOF_FORMAT;
  readonly event: ProvenEvent;
  /** The stream's events after `event`, up to and including the anchored head (empty when `event` is the head). */
  readonly laterEvents: readonly ProvenEvent[];
  /** The stream's leaf in the anchor and its position in the tree. */
  readonly leaf: AnchorLeaf & { readonly index: number };
  /** Sibling hashes (hex) from the leaf up to the root, nearest first (RFC 6962 §2.1.1). */
  readonly auditPath: readonly string[];
  readonly anchor: Anchor;
}

/** What the proof is built from: the stored events and the anchor with its leaves. */
export interface ProofInput {
  /** The stream's stored (not upcast) events from the proven one up to the anchored head, in revision order. */
  readonly events: readonly ChainLink[];
  readonly anchor: Anchor;
  /** The anchor's leaves in tree order. */
  readonly leaves: readonly AnchorLeaf[];
  /** The position of the stream's leaf among them. */
  readonly index: number;
}

/**
 * Assembles a proof from what the store holds now. It does not check anything: if the stream was
 * rewritten after the anchor, the proof says so to whoever verifies it.
 */
export function eventProofOf({ events, anchor, leaves, index }: ProofInput): EventProof {
  const [event, ...laterEvents] = events.map(provenEvent);
  const leaf = leaves[index];
  return {
    format: EVENT_PROOF_FORMAT,
    event,
    laterEvents,
    leaf: { streamId: leaf.streamId, revision: leaf.revision, headHash: leaf.headHash, index },
    auditPath: auditPath(leaves.map(anchorLeafHash), index).map((hash) => hash.toString('hex')),
    anchor,
  };
}

function provenEvent(event: ChainLink): ProvenEvent {
  const { eventId, type, schemaVersion, streamId, revision, position, transactionId, recordedAt, data } = event;
  const { seal: _seal, ...metadata } = event.metadata;
  return { eventId, type, schemaVersion, streamId, revision, position, ...(transactionId !== undefined && { transactionId }), recordedAt, data, metadata };
}
