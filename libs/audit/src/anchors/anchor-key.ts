import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { keyIdOf } from './anchor';

/** The key that signs anchors, with what is published of it. */
export interface AnchorKey {
  readonly privateKey: KeyObject;
  /** SubjectPublicKeyInfo PEM, served at `GET /audit/public-key`. */
  readonly publicKeyPem: string;
  readonly keyId: string;
  /** Where it came from: `ANCHOR_PRIVATE_KEY_FILE`, or the development key kept on first start. */
  readonly source: 'file' | 'development';
}

export interface AnchorKeyOptions {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly privateKeyFile?: string;
  readonly developmentKeyFile: string;
}

/** A key that cannot be used: the message is one line that names the setting and what to do. */
export class AnchorKeyError extends Error {
  override readonly name = 'AnchorKeyError';
}

const MAKE_ONE = 'make one with: openssl genpkey -algorithm ed25519 -out anchor-key.pem';

/**
 * The anchors' signing key, read at start. With `ANCHOR_PRIVATE_KEY_FILE` it is that file (PEM,
 * Ed25519). Without it, development and tests use a key made with node:crypto the first time and
 * kept in `developmentKeyFile`, so that anchors taken before a restart still verify after it;
 * production refuses to start, because a key nobody chose is a key nobody guards or publishes.
 */
export function loadAnchorKey(options: AnchorKeyOptions): AnchorKey {
  if (options.privateKeyFile) return { ...keyFrom(options.privateKeyFile, 'ANCHOR_PRIVATE_KEY_FILE'), source: 'file' };
  if (options.nodeEnv === 'production') {
    throw new AnchorKeyError(`ANCHOR_PRIVATE_KEY_FILE: required when NODE_ENV=production (an Ed25519 private key in PEM; ${MAKE_ONE})`);
  }
  keepDevelopmentKey(options.developmentKeyFile);
  return { ...keyFrom(options.developmentKeyFile, 'ANCHOR_DEVELOPMENT_KEY_FILE'), source: 'development' };
}

function keyFrom(file: string, setting: string): Omit<AnchorKey, 'source'> {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AnchorKeyError(`${setting}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new AnchorKeyError(`${setting}: ${file} is not a private key in PEM; ${MAKE_ONE}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AnchorKeyError(`${setting}: ${file} holds a ${privateKey.asymmetricKeyType} key, anchors are signed with Ed25519; ${MAKE_ONE}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
}

/**
 * Makes the development key unless it exists. The API and the worker start together: the key is
 * written to a file of its own and then hard-linked into place, which fails if another process
 * got there first, so both always read one complete key.
 */
function keepDevelopmentKey(file: string): void {
  const target = resolve(file);
  try {
    readFileSync(target);
    return;
  } catch {
    // not there yet: made below
  }
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const draft = `${target}.${randomUUID()}.tmp`;
  const cannotWrite = (error: unknown) =>
    new AnchorKeyError(
      `ANCHOR_DEVELOPMENT_KEY_FILE: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set ANCHOR_PRIVATE_KEY_FILE or a writable path`,
    );
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(draft, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    throw cannotWrite(error);
  }
  try {
    linkSync(draft, target);
  } catch (error) {
    // EEXIST: the other process made it first; its key is the one both use.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(error);
  } finally {
    try {
      unlinkSync(draft);
    } catch {
      // never written
    }
  }
}
