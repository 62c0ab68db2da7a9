import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Anchor, anchorBodyOf, signAnchor } from './anchor';
import { AnchorKeyError } from './anchor-key';
import { loadAnchorKeyring, verifyAnchorWithKeys } from './anchor-keyring';
import { chainOf, headOf, testKey, TestKey } from '../testing/anchors';

describe('the anchor keys and their rotation', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anchor-keyring-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const privatePem = (key: TestKey) => key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const anchorAt = (key: TestKey, takenAt: string): Anchor => {
    const body = anchorBodyOf([headOf(chainOf('licence-a', 2))], takenAt, '42', key.keyId, { events: 2, logHash: 'a'.repeat(64) });
    return { id: 'unsigned-id', ...body, signature: signAnchor(body, key.privateKey) };
  };
  const rotatedAt = '2026-06-01T00:00:00.000Z';

  /** Key `old` signed until `rotatedAt`; `current` signs from then on. */
  function rotated(old: TestKey, current: TestKey, extra: object[] = []) {
    return loadAnchorKeyring({
      nodeEnv: 'production',
      privateKeyFile: write('current.pem', privatePem(current)),
      developmentKeyFile: join(dir, 'unused.pem'),
      retiredKeysFile: write('retired.json', JSON.stringify([{ publicKey: old.publicKeyPem, validUntil: rotatedAt }, ...extra])),
    });
  }

  it('verify an anchor signed before the rotation with the retired key, and one after it with the new key', () => {
    const [old, current] = [testKey(), testKey()];
    const before = anchorAt(old, '2026-05-31T23:59:59.999Z');
    const keyring = rotated(old, current);
    expect(keyring.signing.keyId).toBe(current.keyId);
    expect(keyring.keys).toEqual([
      { keyId: current.keyId, publicKeyPem: current.publicKeyPem, validFrom: rotatedAt, validUntil: null, current: true },
      { keyId: old.keyId, publicKeyPem: old.publicKeyPem, validFrom: null, validUntil: rotatedAt, current: false },
    ]);
    expect(verifyAnchorWithKeys(before, keyring.keys)).toEqual({ valid: true, problems: [] });
    expect(verifyAnchorWithKeys(anchorAt(current, rotatedAt), keyring.keys)).toEqual({ valid: true, problems: [] });
  });

  it('refuse an anchor signed by a key outside its validity, and one by a key not published', () => {
    const [old, current] = [testKey(), testKey()];
    const keyring = rotated(old, current);
    // The retired key, used after it was retired (a stolen key, say): refused though its signature holds.
    expect(verifyAnchorWithKeys(anchorAt(old, rotatedAt), keyring.keys).problems).toEqual([
      `the anchor was taken at ${rotatedAt}, outside its key's validity (from the start until ${rotatedAt})`,
    ]);
    expect(verifyAnchorWithKeys(anchorAt(current, '2026-05-01T00:00:00.000Z'), keyring.keys).problems).toEqual([
      `the anchor was taken at 2026-05-01T00:00:00.000Z, outside its key's validity (from ${rotatedAt} until now)`,
    ]);
    const stranger = testKey();
    expect(verifyAnchorWithKeys(anchorAt(stranger, '2026-07-01T00:00:00.000Z'), keyring.keys).problems).toEqual([
      `the anchor names key ${stranger.keyId}, which is not among the published keys`,
    ]);
    // A validity relabelled in the anchor breaks its signature.
    expect(verifyAnchorWithKeys({ ...anchorAt(old, rotatedAt), takenAt: '2026-05-01T00:00:00.000Z' }, keyring.keys).valid).toBe(false);
  });

  it('take the current key’s start from ANCHOR_KEY_VALID_FROM when it is set', () => {
    const [old, current] = [testKey(), testKey()];
    const keyring = loadAnchorKeyring({
      nodeEnv: 'test',
      privateKeyFile: write('current.pem', privatePem(current)),
      developmentKeyFile: join(dir, 'unused.pem'),
      retiredKeysFile: write('retired.json', JSON.stringify([{ publicKey: old.publicKeyPem, validFrom: '2025-01-01T00:00:00Z', validUntil: rotatedAt }])),
      currentValidFrom: '2026-06-02T00:00:00Z',
    });
    expect(keyring.keys.map((key) => [key.validFrom, key.validUntil])).toEqual([
      ['2026-06-02T00:00:00.000Z', null],
      ['2025-01-01T00:00:00.000Z', rotatedAt],
    ]);
  });

  it('refuse a retired-keys file that is not what it should be, in one line naming the setting', () => {
    const [old, current] = [testKey(), testKey()];
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const failure = (content: string, extra: object = {}): string => {
      try {
        loadAnchorKeyring({
          nodeEnv: 'test',
          privateKeyFile: write('current.pem', privatePem(current)),
          developmentKeyFile: join(dir, 'unused.pem'),
          retiredKeysFile: write('retired.json', content),
          ...extra,
        });
      } catch (error) {
        expect(error).toBeInstanceOf(AnchorKeyError);
        return (error as Error).message;
      }
      throw new Error('expected the keys to be refused');
    };
    expect(failure('not json')).toMatch(/^ANCHOR_RETIRED_KEYS_FILE: cannot read .* as JSON/);
    expect(failure('{}')).toMatch(/must hold a JSON list/);
    expect(failure(JSON.stringify([{ publicKey: old.publicKeyPem }]))).toMatch(/entry 0 validUntil \(a retired key's end is required\)/);
    expect(failure(JSON.stringify([{ publicKey: ec, validUntil: rotatedAt }]))).toMatch(/entry 0: publicKey is not an Ed25519 public key/);
    expect(failure(JSON.stringify([{ publicKey: old.publicKeyPem, validFrom: rotatedAt, validUntil: rotatedAt }]))).toMatch(/validFrom is not before validUntil/);
    expect(failure(JSON.stringify([{ publicKey: current.publicKeyPem, validUntil: rotatedAt }]))).toMatch(/lists the current signing key/);
    expect(failure('[]', { currentValidFrom: 'yesterday' })).toMatch(/^ANCHOR_KEY_VALID_FROM: "yesterday" is not an ISO 8601 instant/);
  });
});
