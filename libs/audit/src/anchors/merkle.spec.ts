import { createHash } from 'node:crypto';
import { auditPath, EMPTY_TREE_ROOT, leafHash, merkleRoot, nodeHash, rootFromAuditPath } from './merkle';

/** Certificate Transparency's reference inputs (RFC 6962 test data) and the roots over the first n of them. */
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((hex) =>
  Buffer.from(hex, 'hex'),
);
const CT_ROOTS: Record<number, string> = {
  1: '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  2: 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  3: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  4: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  5: '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  6: '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  7: 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  8: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
};
const leaves = (n: number) => CT_LEAVES.slice(0, n).map(leafHash);
const hex = (buffers: readonly Buffer[]) => buffers.map((buffer) => buffer.toString('hex'));
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

describe('the Merkle tree (RFC 6962)', () => {
  it('hashes leaves and nodes in separate domains (0x00 and 0x01 prefixes)', () => {
    const data = Buffer.from('stream');
    expect(leafHash(data)).toEqual(sha256(Buffer.from([0]), data));
    const [a, b] = leaves(2);
    expect(nodeHash(a, b)).toEqual(sha256(Buffer.from([1]), a, b));
    expect(nodeHash(a, b)).not.toEqual(leafHash(Buffer.concat([a, b])));
  });

  it('gives SHA-256 of nothing for no leaves', () => {
    expect(merkleRoot([]).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(EMPTY_TREE_ROOT).toEqual(merkleRoot([]));
  });

  it.each([1, 2, 3, 7])('reproduces the reference root over %i leaves', (n) => {
    expect(merkleRoot(leaves(n)).toString('hex')).toBe(CT_ROOTS[n]);
  });

  it('reproduces every reference root from 1 to 8 leaves', () => {
    for (let n = 1; n <= 8; n += 1) expect(merkleRoot(leaves(n)).toString('hex')).toBe(CT_ROOTS[n]);
  });

  it('is the leaf hash itself for one leaf', () => {
    const [a] = leaves(1);
    expect(merkleRoot([a])).toEqual(a);
  });

  it('carries an odd last node up unchanged instead of pairing it with a copy (3 and 7 leaves)', () => {
    const [a, b, c, d, e, f, g] = leaves(7);
    expect(merkleRoot([a, b, c])).toEqual(nodeHash(nodeHash(a, b), c));
    expect(merkleRoot([a, b, c])).not.toEqual(merkleRoot([a, b, c, c]));
    expect(merkleRoot([a, b, c, d, e, f, g])).toEqual(nodeHash(nodeHash(nodeHash(a, b), nodeHash(c, d)), nodeHash(nodeHash(e, f), g)));
  });

  it('reproduces the reference audit paths', () => {
    expect(hex(auditPath(leaves(1), 0))).toEqual([]);
    expect(hex(auditPath(leaves(2), 0))).toEqual(['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7']);
    expect(hex(auditPath(leaves(2), 1))).toEqual(['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d']);
    expect(hex(auditPath(leaves(3), 2))).toEqual(['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']);
    expect(hex(auditPath(leaves(5), 1))).toEqual([
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
    expect(hex(auditPath(leaves(8), 0))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(auditPath(leaves(8), 5))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('leads from every leaf of trees of 1 to 8 leaves (and of 1,000) back to the root', () => {
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const n of sizes) {
      const tree = leaves(n);
      for (let index = 0; index < n; index += 1) {
        expect(rootFromAuditPath(tree[index], index, n, auditPath(tree, index))?.toString('hex')).toBe(CT_ROOTS[n]);
      }
    }
    const big = Array.from({ length: 1000 }, (_, i) => leafHash(Buffer.from(String(i))));
    const root = merkleRoot(big);
    for (const index of [0, 1, 511, 512, 998, 999]) expect(rootFromAuditPath(big[index], index, 1000, auditPath(big, index))).toEqual(root);
  });

  it('leads nowhere from a wrong position, size or path', () => {
    const tree = leaves(7);
    const path = auditPath(tree, 4);
    const root = merkleRoot(tree);
    expect(rootFromAuditPath(tree[4], 4, 7, path)).toEqual(root);
    expect(rootFromAuditPath(tree[4], 5, 7, path)).not.toEqual(root);
    // The odd last leaf of 7 has a shorter path than the same position in a tree of 8: the size is part of what is checked.
    expect(rootFromAuditPath(tree[6], 6, 8, auditPath(tree, 6))).not.toEqual(root);
    expect(rootFromAuditPath(tree[6], 6, 7, auditPath(tree, 6))).toEqual(root);
    expect(rootFromAuditPath(tree[4], 4, 7, path.slice(1))).not.toEqual(root);
    expect(rootFromAuditPath(tree[4], 4, 7, [...path, path[0]])).toBeNull();
    expect(rootFromAuditPath(tree[4], 7, 7, path)).toBeNull();
    expect(rootFromAuditPath(tree[4], -1, 7, path)).toBeNull();
    expect(rootFromAuditPath(tree[4], 0.5, 7, path)).toBeNull();
    expect(() => auditPath(tree, 7)).toThrow(RangeError);
  });
});
