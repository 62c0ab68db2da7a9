import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { anchorMessage, keyIdOf, rootOfLeaves, signAnchor, sortLeaves } from './anchor';
import { anchorOver, chainOf, headOf, testKey } from '../testing/anchors';
import { verifyAnchor } from './verify';

describe('signed anchors', () => {
  const key = testKey();
  const streams = ['consignment-b', 'licence-a', 'mine-c'].map((id, n) => chainOf(id, n + 1));
  const anchor = anchorOver(streams, key);

  it('verify with the public key that signed them', () => {
    expect(verifyAnchor(anchor, key.publicKeyPem)).toEqual({ valid: true, problems: [] });
  });

  it('count the streams and their events, and sort the leaves by stream id', () => {
    expect(anchor).toMatchObject({ streams: 3, events: 1 + 2 + 3, lastPosition: '6', keyId: key.keyId });
    const leaves = streams.map(headOf);
    expect(sortLeaves(leaves).map((leaf) => leaf.streamId)).toEqual(['consignment-b', 'licence-a', 'mine-c']);
    expect(anchor.root).toBe(rootOfLeaves(sortLeaves([...leaves].reverse())));
  });

  it('sign the canonical JSON of exactly root, takenAt, streams, events, lastPosition, keyId and logHash', () => {
    const message = anchorMessage({ ...anchor, extra: 'ignored' } as typeof anchor);
    expect(message).toBe(
      `{"events":6,"keyId":"${key.keyId}","lastPosition":"6","logHash":"${anchor.logHash}","root":"${anchor.root}","streams":3,"takenAt":"2026-03-10T12:00:00.000Z"}`,
    );
  });

  it('verify an anchor taken before the log was anchored (no logHash), and refuse one that lost or gained it', () => {
    const { logHash: _dropped, ...fields } = anchor;
    const legacyBody = { ...fields, events: 6, logHash: null };
    const legacy = { ...legacyBody, signature: signAnchor(legacyBody, key.privateKey) };
    expect(anchorMessage(legacy)).not.toContain('logHash');
    expect(verifyAnchor(legacy, key.publicKeyPem).valid).toBe(true);
    expect(verifyAnchor({ ...anchor, logHash: null }, key.publicKeyPem).problems).toEqual(['the signature does not verify with the public key']);
    expect(verifyAnchor({ ...legacy, logHash: anchor.logHash }, key.publicKeyPem).problems).toEqual(['the signature does not verify with the public key']);
  });

  it('name the key by the SHA-256 of its public key, whichever form it is given in', () => {
    const pem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(keyIdOf(createPrivateKey(pem))).toBe(key.keyId);
    expect(keyIdOf(createPublicKey(key.publicKeyPem))).toBe(key.keyId);
    expect(keyIdOf(key.publicKeyPem)).toBe(key.keyId);
    expect(key.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['root', { root: 'f'.repeat(64) }],
    ['takenAt', { takenAt: '2026-03-10T12:00:00.001Z' }],
    ['streams', { streams: 4 }],
    ['events', { events: 7 }],
    ['lastPosition', { lastPosition: '7' }],
    ['logHash', { logHash: 'e'.repeat(64) }],
  ])('fail when %s was changed after signing', (_field, change) => {
    const result = verifyAnchor({ ...anchor, ...change }, key.publicKeyPem);
    expect(result).toEqual({ valid: false, problems: ['the signature does not verify with the public key'] });
  });

  it('fail with another key, naming both', () => {
    const other = testKey();
    expect(verifyAnchor(anchor, other.publicKeyPem).problems).toEqual([
      `the anchor was signed by key ${key.keyId}; the public key given is ${other.keyId}`,
    ]);
    // Relabelled as the other key's: the signature gives it away.
    expect(verifyAnchor({ ...anchor, keyId: other.keyId }, other.publicKeyPem).problems).toEqual(['the signature does not verify with the public key']);
  });

  it('fail with a key that is not Ed25519, or not a key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyAnchor(anchor, ec).problems).toEqual(['the public key is ec, not Ed25519']);
    expect(verifyAnchor(anchor, 'not a key').problems).toEqual(['the public key is not a PEM public key']);
  });

  it('accept only the canonical base64 of a 64-byte signature', () => {
    const bytes = Buffer.from(anchor.signature, 'base64');
    // The last character before "==" carries 4 unused bits: a decoder ignores them, the check does not.
    const last = anchor.signature.length - 3;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sameBytes = anchor.signature.slice(0, last) + alphabet[alphabet.indexOf(anchor.signature[last]) ^ 1] + '==';
    expect(Buffer.from(sameBytes, 'base64')).toEqual(bytes);
    expect(verifyAnchor({ ...anchor, signature: sameBytes }, key.publicKeyPem).valid).toBe(false);
    expect(verifyAnchor({ ...anchor, signature: bytes.toString('base64url') }, key.publicKeyPem).valid).toBe(false);
    expect(verifyAnchor({ ...anchor, signature: bytes.subarray(1).toString('base64') }, key.publicKeyPem).valid).toBe(false);
  });

  it('answer a malformed document with its reasons, never an exception', () => {
    for (const document of [null, [], 'anchor', 42, {}, { ...anchor, streams: -1 }, { ...anchor, root: anchor.root.toUpperCase() }]) {
      const result = verifyAnchor(document, key.publicKeyPem);
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    }
    expect(verifyAnchor({ ...anchor, takenAt: '2026-03-10 12:00' }, key.publicKeyPem).problems).toEqual([
      'takenAt is not an ISO 8601 instant with milliseconds in UTC',
    ]);
  });

  it('cover an empty store: no streams, the empty root, no position', () => {
    const empty = anchorOver([], key);
    expect(empty).toMatchObject({ streams: 0, events: 0, lastPosition: null, root: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(verifyAnchor(empty, key.publicKeyPem).valid).toBe(true);
    expect(verifyAnchor({ ...empty, lastPosition: '0' }, key.publicKeyPem).problems).toEqual([
      'lastPosition is null exactly when the anchor covers no stream',
    ]);
  });
});
