import { EventStore, verifyChain } from '@ree/event-store';
import { NotFound } from '@ree/shared-kernel';
import type { DataSource } from 'typeorm';
import { AnchorLeaf, rootOfLeaves } from './anchor';
import { anchorRows } from './anchor-store';
import { verifyAnchor } from './verify';

/** One anchored stream that the store no longer shows as the anchor saw it. */
export interface StreamDifference {
  readonly streamId: string;
  /** The revision the anchor covered. */
  readonly revision: number;
  readonly anchoredHash: string;
  /** The stored hash at that revision now; null when the event is gone. */
  readonly currentHash: string | null;
  /**
   * `changed`: another hash at that revision (the chain was rewritten and re-hashed);
   * `missing`: no event at that revision; `chain-broken`: the stored hashes no longer follow from
   * the stored events (`firstBrokenRevision`), whatever they say.
   */
  readonly reason: 'changed' | 'missing' | 'chain-broken';
  readonly firstBrokenRevision?: number;
}

export interface AnchorStoreCheck {
  readonly anchorId: string;
  /** The anchor's signature verifies with the service's public key. */
  readonly signatureValid: boolean;
  /** The stored leaves still give the signed root (the audit tables were not edited). */
  readonly leavesGiveRoot: boolean;
  /** The root over the anchored streams' heads as the store holds them now. */
  readonly currentRoot: string;
  /** True when all holds: signature, leaves, every anchored stream as it was. */
  readonly matches: boolean;
  readonly differences: readonly StreamDifference[];
}

/**
 * Checks an anchor against the store as it is now (the "verify against current store" of the
 * audit): for every stream the anchor covers, the stored events up to the anchored revision are
 * read again, their chain recomputed, and the head compared with the anchored one. A history
 * rewritten after the anchor, even with a chain made consistent again, gives another head, so
 * another root, and the stream is named. Reads every anchored event: an auditor's tool, not a
 * request path.
 */
export async function checkAnchorAgainstStore(dataSource: DataSource, store: EventStore, anchorId: string, publicKeyPem: string): Promise<AnchorStoreCheck> {
  const stored = await anchorRows.byId(dataSource, anchorId);
  if (!stored) throw new NotFound('Anchor', anchorId);
  const leaves = await anchorRows.leaves(dataSource, stored.leavesOf);
  const differences: StreamDifference[] = [];
  const current: AnchorLeaf[] = [];
  for (const leaf of leaves) {
    const events = await store.readStream(leaf.streamId, { maxCount: leaf.revision + 1, raw: true });
    const atRevision = events.find((event) => event.revision === leaf.revision);
    const currentHash = atRevision ? atRevision.metadata.hash : null;
    current.push({ ...leaf, headHash: currentHash ?? '' });
    const chain = verifyChain(events);
    if (currentHash === null && events.length === 0) {
      differences.push({ ...differenceOf(leaf, currentHash), reason: 'missing' });
    } else if (!chain.valid) {
      differences.push({ ...differenceOf(leaf, currentHash), reason: 'chain-broken', firstBrokenRevision: chain.firstBrokenRevision });
    } else if (currentHash === null) {
      differences.push({ ...differenceOf(leaf, currentHash), reason: 'missing' });
    } else if (currentHash !== leaf.headHash) {
      differences.push({ ...differenceOf(leaf, currentHash), reason: 'changed' });
    }
  }
  const signatureValid = verifyAnchor(stored.anchor, publicKeyPem).valid;
  const leavesGiveRoot = rootOfLeaves(leaves) === stored.anchor.root && leaves.length === stored.anchor.streams;
  const currentRoot = rootOfLeaves(current);
  const matches = signatureValid && leavesGiveRoot && differences.length === 0 && currentRoot === stored.anchor.root;
  return { anchorId, signatureValid, leavesGiveRoot, currentRoot, matches, differences };
}

function differenceOf(leaf: AnchorLeaf, currentHash: string | null): Omit<StreamDifference, 'reason'> {
  return { streamId: leaf.streamId, revision: leaf.revision, anchoredHash: leaf.headHash, currentHash };
}
