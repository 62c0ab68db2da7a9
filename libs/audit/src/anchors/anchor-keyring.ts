import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { keyIdOf } from './anchor';
import { AnchorKey, AnchorKeyError, AnchorKeyOptions, loadAnchorKey } from './anchor-key';
import { verifyAnchor, type Verification } from './verify';

/** A public key that verifies anchors, and when it signed them: [validFrom, validUntil), null for open. */
export interface PublishedKey {
  readonly keyId: string;
  /** SubjectPublicKeyInfo PEM. */
  readonly publicKeyPem: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  /** The key that signs anchors now. */
  readonly current: boolean;
}

/** The signing key, and every public key anchors may name: the current one first, then the retired ones. */
export interface AnchorKeyring {
  readonly signing: AnchorKey;
  readonly keys: readonly PublishedKey[];
}

export interface AnchorKeyringOptions extends AnchorKeyOptions {
  /** `ANCHOR_RETIRED_KEYS_FILE`: JSON `[{"publicKey": PEM, "validFrom": instant, "validUntil": instant}]`. */
  readonly retiredKeysFile?: string;
  /** `ANCHOR_KEY_VALID_FROM`: when the current key took over. */
  readonly currentValidFrom?: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** An instant in the anchors' form (milliseconds, UTC), which compares as text in time order. */
function instantOf(value: unknown, what: string): string {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AnchorKeyError(`${what}: "${String(value)}" is not an ISO 8601 instant in UTC (e.g. 2026-01-01T00:00:00.000Z)`);
  }
  return new Date(value).toISOString();
}

function retiredKeys(file: string): PublishedKey[] {
  const setting = 'ANCHOR_RETIRED_KEYS_FILE';
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AnchorKeyError(`${setting}: cannot read ${file} as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!Array.isArray(entries)) throw new AnchorKeyError(`${setting}: ${file} must hold a JSON list of {publicKey, validFrom, validUntil}`);
  return entries.map((entry: { publicKey?: unknown; validFrom?: unknown; validUntil?: unknown }, index) => {
    const where = `${setting}: entry ${index}`;
    let publicKeyPem: string;
    try {
      const key = createPublicKey(String(entry?.publicKey));
      if (key.asymmetricKeyType !== 'ed25519') throw new Error();
      publicKeyPem = key.export({ type: 'spki', format: 'pem' }).toString();
    } catch {
      throw new AnchorKeyError(`${where}: publicKey is not an Ed25519 public key in PEM`);
    }
    const validFrom = entry.validFrom === undefined || entry.validFrom === null ? null : instantOf(entry.validFrom, `${where} validFrom`);
    const validUntil = instantOf(entry.validUntil, `${where} validUntil (a retired key's end is required)`);
    if (validFrom !== null && validFrom >= validUntil) throw new AnchorKeyError(`${where}: validFrom is not before validUntil`);
    return { keyId: keyIdOf(publicKeyPem), publicKeyPem, validFrom, validUntil, current: false };
  });
}

/**
 * The signing key (`loadAnchorKey`) and the published keys. The current key is valid from
 * `ANCHOR_KEY_VALID_FROM`, else from the latest end of a retired key, else always; each retired
 * key over its own interval. The key ids are computed from the keys, never read from the file. A
 * retired key that is the signing key is refused: it would be valid twice.
 */
export function loadAnchorKeyring(options: AnchorKeyringOptions): AnchorKeyring {
  const signing = loadAnchorKey(options);
  const retired = options.retiredKeysFile ? retiredKeys(options.retiredKeysFile) : [];
  if (retired.some((key) => key.keyId === signing.keyId)) {
    throw new AnchorKeyError(`ANCHOR_RETIRED_KEYS_FILE: lists the current signing key (${signing.keyId}); a key is either current or retired`);
  }
  const lastEnd = retired.reduce<string | null>((end, key) => (end === null || key.validUntil! > end ? key.validUntil : end), null);
  const validFrom = options.currentValidFrom ? instantOf(options.currentValidFrom, 'ANCHOR_KEY_VALID_FROM') : lastEnd;
  const current: PublishedKey = { keyId: signing.keyId, publicKeyPem: signing.publicKeyPem, validFrom, validUntil: null, current: true };
  return { signing, keys: [current, ...retired] };
}

/** Whether `takenAt` (an anchor's instant) lies in the key's validity. */
export function keyValidAt(key: PublishedKey, takenAt: string): boolean {
  return (key.validFrom === null || takenAt >= key.validFrom) && (key.validUntil === null || takenAt < key.validUntil);
}

/**
 * Verifies an anchor with the published keys: the key it names must be one of them, valid when
 * the anchor says it was taken, and its signature must hold (`verifyAnchor`). Pure, like it.
 */
export function verifyAnchorWithKeys(anchor: unknown, keys: readonly PublishedKey[]): Verification {
  const named = typeof anchor === 'object' && anchor !== null ? (anchor as { keyId?: unknown; takenAt?: unknown }) : {};
  const key = keys.find((candidate) => candidate.keyId === named.keyId);
  if (!key) return { valid: false, problems: [`the anchor names key ${String(named.keyId)}, which is not among the published keys`] };
  const verification = verifyAnchor(anchor, key.publicKeyPem);
  if (!verification.valid || keyValidAt(key, named.takenAt as string)) return verification;
  const validity = `from ${key.validFrom ?? 'the start'} until ${key.validUntil ?? 'now'}`;
  return { valid: false, problems: [`the anchor was taken at ${String(named.takenAt)}, outside its key's validity (${validity})`] };
}
