import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf } from './anchor';
import { loadConfig } from '@ree/platform/config';
import { AnchorKeyError, loadAnchorKey } from './anchor-key';
import { checkAnchorKey } from './anchor.providers';

describe('the anchors signing key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anchor-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const pemOf = (type: 'ed25519' | 'ec') =>
    (type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519')).privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();

  function failure(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(AnchorKeyError);
      return (error as Error).message;
    }
    throw new Error('expected the key to be refused');
  }

  it('reads ANCHOR_PRIVATE_KEY_FILE, publishing its public key and id', () => {
    const file = join(dir, 'anchor.pem');
    writeFileSync(file, pemOf('ed25519'));
    const key = loadAnchorKey({ nodeEnv: 'production', privateKeyFile: file, developmentKeyFile: join(dir, 'unused.pem') });
    expect(key.source).toBe('file');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(key.keyId).toBe(keyIdOf(key.publicKeyPem));
    expect(() => statSync(join(dir, 'unused.pem'))).toThrow();
  });

  it('makes a development key on first start and keeps it (owner-only) for the next', () => {
    const file = join(dir, 'var', 'anchor-development-key.pem');
    const first = loadAnchorKey({ nodeEnv: 'development', developmentKeyFile: file });
    expect(first.source).toBe('development');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadAnchorKey({ nodeEnv: 'test', developmentKeyFile: file });
    expect(second.keyId).toBe(first.keyId);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('refuses to start in production without a key file, in one line', () => {
    const message = failure(() => loadAnchorKey({ nodeEnv: 'production', developmentKeyFile: join(dir, 'dev.pem') }));
    expect(message).toBe(
      'ANCHOR_PRIVATE_KEY_FILE: required when NODE_ENV=production (an Ed25519 private key in PEM; make one with: openssl genpkey -algorithm ed25519 -out anchor-key.pem)',
    );
    expect(() => statSync(join(dir, 'dev.pem'))).toThrow();
  });

  it('refuses an unreadable file, a file that is no key, and a key that is not Ed25519, each in one line', () => {
    const missing = join(dir, 'missing.pem');
    expect(failure(() => loadAnchorKey({ nodeEnv: 'test', privateKeyFile: missing, developmentKeyFile: 'x' }))).toBe(
      `ANCHOR_PRIVATE_KEY_FILE: cannot read ${missing} (ENOENT)`,
    );
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'hello');
    expect(failure(() => loadAnchorKey({ nodeEnv: 'test', privateKeyFile: junk, developmentKeyFile: 'x' }))).toMatch(
      /^ANCHOR_PRIVATE_KEY_FILE: .*junk\.pem is not a private key in PEM; make one with: openssl genpkey -algorithm ed25519/,
    );
    const ec = join(dir, 'ec.pem');
    writeFileSync(ec, pemOf('ec'));
    expect(failure(() => loadAnchorKey({ nodeEnv: 'test', privateKeyFile: ec, developmentKeyFile: 'x' }))).toMatch(
      /^ANCHOR_PRIVATE_KEY_FILE: .*ec\.pem holds a ec key, anchors are signed with Ed25519/,
    );
    for (const message of [missing, junk, ec]) expect(message).not.toContain('\n');
  });

  it('names the development key file when it cannot be written', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    expect(failure(() => loadAnchorKey({ nodeEnv: 'development', developmentKeyFile: join(blocker, 'key.pem') }))).toMatch(
      /^ANCHOR_DEVELOPMENT_KEY_FILE: cannot write .*key\.pem \(\w+\); set ANCHOR_PRIVATE_KEY_FILE or a writable path$/,
    );
  });

  it('is what the configuration names, checked before the application is built (checkAnchorKey, run by preflight)', () => {
    const developmentKeyFile = join(dir, 'dev', 'key.pem');
    checkAnchorKey(loadConfig({ NODE_ENV: 'development', ANCHOR_DEVELOPMENT_KEY_FILE: developmentKeyFile }));
    expect(readFileSync(developmentKeyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };
    expect(failure(() => checkAnchorKey(loadConfig(production)))).toMatch(/^ANCHOR_PRIVATE_KEY_FILE: required when NODE_ENV=production/);
    expect(() => checkAnchorKey(loadConfig({ ...production, ANCHOR_PRIVATE_KEY_FILE: developmentKeyFile }))).not.toThrow();
    expect(loadConfig({}).anchorDevelopmentKeyFile).toBe('var/anchor-development-key.pem');
    expect(loadConfig({ ANCHOR_PRIVATE_KEY_FILE: '' }).anchorPrivateKeyFile).toBeUndefined();
  });
});
