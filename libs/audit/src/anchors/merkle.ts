import { createHash } from 'node:crypto';

/**
 * A binary Merkle tree as RFC 6962 (Certificate Transparency) and RFC 9162 define it, so that any
 * CT verifier can check our roots and paths, and the reference test vectors apply:
 *
 * - a leaf is hashed as SHA-256(0x00 ‖ data) and an inner node as SHA-256(0x01 ‖ left ‖ right):
 *   the prefixes separate the two domains, so a node can never pass for a leaf (a second-preimage
 *   attack on the tree);
 * - the tree over n leaves splits at the largest power of two below n. Built level by level, that
 *   is: nodes are paired left to right and an odd last node is carried up unchanged, never paired
 *   with a copy of itself (duplicating it would give two leaf lists the same root);
 * - the root of no leaves is SHA-256 of nothing.
 *
 * Pure: hashes are bytes here, hex at the edges.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export const EMPTY_TREE_ROOT = createHash('sha256').digest();

export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** Every level of the tree, leaves first, root last (one pass, O(n) hashes). */
function levelsOf(leaves: readonly Buffer[]): Buffer[][] {
  const levels: Buffer[][] = [[...leaves]];
  while (levels[levels.length - 1].length > 1) {
    const below = levels[levels.length - 1];
    const above: Buffer[] = [];
    for (let index = 0; index < below.length; index += 2) {
      above.push(index + 1 < below.length ? nodeHash(below[index], below[index + 1]) : below[index]);
    }
    levels.push(above);
  }
  return levels;
}

/** The root over the leaf hashes, in their order. */
export function merkleRoot(leaves: readonly Buffer[]): Buffer {
  return leaves.length === 0 ? EMPTY_TREE_ROOT : levelsOf(leaves).at(-1)![0];
}

/**
 * The audit path of leaf `index` (RFC 6962 §2.1.1): the sibling hashes from the leaf up to the
 * root, nearest first. A level where the node is the odd last one adds nothing: it was carried up.
 */
export function auditPath(leaves: readonly Buffer[], index: number): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`auditPath: leaf ${index} is outside a tree of ${leaves.length}`);
  }
  const path: Buffer[] = [];
  let position = index;
  for (const level of levelsOf(leaves).slice(0, -1)) {
    const sibling = position % 2 === 1 ? position - 1 : position + 1;
    if (sibling < level.length) path.push(level[sibling]);
    position = Math.floor(position / 2);
  }
  return path;
}

/**
 * The root that a leaf hash and its audit path lead to in a tree of `size` leaves (RFC 9162
 * §2.1.3.2), or null when the path cannot belong to that position in such a tree (too short, too
 * long, index out of range). The caller compares the result with the signed root.
 */
export function rootFromAuditPath(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[]): Buffer | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let root: Buffer = Buffer.from(leaf);
  for (const sibling of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      root = nodeHash(sibling, root);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      root = nodeHash(root, sibling);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? root : null;
}
