import { createHash, createPublicKey, KeyObject, sign } from 'node:crypto';
import { canonicalJson } from '@ree/event-store';
import { leafHash, merkleRoot } from './merkle';

/** One stream's place in an anchor: its last event's revision and hash when the anchor was taken. */
export interface AnchorLeaf {
  readonly streamId: string;
  readonly revision: number;
  readonly headHash: string;
}

/**
 * What an anchor's signature covers: the Merkle root over every stream's head, when it was
 * taken (the database's clock, ISO 8601 with milliseconds), how many streams (the tree's size)
 * and events (in the global log up to `lastPosition`) it covers, the last global position it
 * covers (null for an empty store), the running hash over the global log up to there, and the id
 * of the key that signed.
 */
export interface AnchorBody {
  readonly root: string;
  readonly takenAt: string;
  readonly streams: number;
  readonly events: number;
  readonly lastPosition: string | null;
  readonly keyId: string;
  /**
   * The running hash over every event up to `lastPosition` in position order (`log/log-hash.ts`);
   * null only for anchors taken before the log was anchored (migration 1764300015000), whose
   * signature covers the six other fields alone.
   */
  readonly logHash: string | null;
}

/** A signed anchor as stored and served: `id` names it and is not signed. */
export interface Anchor extends AnchorBody {
  readonly id: string;
  /** Ed25519 over the UTF-8 bytes of {@link anchorMessage}, standard base64 (with padding). */
  readonly signature: string;
}

/**
 * The signed message: RFC 8785 canonical JSON of exactly the seven fields of {@link AnchorBody}
 * (the six without `logHash` for an anchor taken before the log was anchored: a signature over
 * one message never verifies the other, so no anchor can drop or gain its log hash).
 */
export function anchorMessage(body: AnchorBody): string {
  const { root, takenAt, streams, events, lastPosition, keyId, logHash } = body;
  if (logHash === null || logHash === undefined) return canonicalJson({ root, takenAt, streams, events, lastPosition, keyId });
  return canonicalJson({ root, takenAt, streams, events, lastPosition, keyId, logHash });
}

/**
 * The bytes a leaf hashes: RFC 8785 canonical JSON of `{headHash, revision, streamId}`. A
 * structured encoding (not a concatenation) so that no stream id can run into its revision.
 */
export function leafData(leaf: AnchorLeaf): Buffer {
  return Buffer.from(canonicalJson({ streamId: leaf.streamId, revision: leaf.revision, headHash: leaf.headHash }), 'utf8');
}

export function anchorLeafHash(leaf: AnchorLeaf): Buffer {
  return leafHash(leafData(leaf));
}

/**
 * Leaves in tree order: by stream id, comparing UTF-16 code units (JavaScript's and RFC 8785's
 * order, never a database collation), so that anyone holding the leaves rebuilds the same tree.
 */
export function sortLeaves(leaves: readonly AnchorLeaf[]): AnchorLeaf[] {
  return [...leaves].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

/** The root (hex) over leaves already in tree order. */
export function rootOfLeaves(leaves: readonly AnchorLeaf[]): string {
  return merkleRoot(leaves.map(anchorLeafHash)).toString('hex');
}

/** A key's id: SHA-256 (hex) of its public key in DER SubjectPublicKeyInfo form, the same whichever PEM wraps it. */
export function keyIdOf(key: KeyObject | string): string {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Signs an anchor body with the Ed25519 private key. */
export function signAnchor(body: AnchorBody, privateKey: KeyObject): string {
  return sign(null, Buffer.from(anchorMessage(body), 'utf8'), privateKey).toString('base64');
}

/** The global log an anchor commits to: its number of events and running hash. */
export interface AnchoredLog {
  readonly events: number;
  readonly logHash: string;
}

/**
 * The body of an anchor over `leaves` (any order: they are sorted here) and the global `log` up
 * to `lastPosition`, the last global position the heads were read at (null when the store is
 * empty). Without `log` (an anchor of the heads alone, as before the log was anchored), `events`
 * is the sum of the heads' revisions + 1 and `logHash` null.
 */
export function anchorBodyOf(leaves: readonly AnchorLeaf[], takenAt: string, lastPosition: string | null, keyId: string, log?: AnchoredLog): AnchorBody {
  const sorted = sortLeaves(leaves);
  return {
    root: rootOfLeaves(sorted),
    takenAt,
    streams: sorted.length,
    events: log ? log.events : sorted.reduce((sum, leaf) => sum + leaf.revision + 1, 0),
    lastPosition,
    keyId,
    logHash: log ? log.logHash : null,
  };
}
