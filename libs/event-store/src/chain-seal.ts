import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChainLink, SealCheck } from './hash-chain';

/**
 * A key that seals the chain (docs/decisions.md 29): HMAC-SHA-256 over each event's hash, with a
 * secret the database never holds. `id` names the key in every seal, so that a rotated-out key
 * still verifies what it sealed.
 */
export interface SealKey {
  readonly id: string;
  readonly secret: Buffer;
}

/** What sealing needs: the key that seals new events, and every key whose seals are still honoured. */
export interface SealKeys {
  readonly current: SealKey;
  readonly all: readonly SealKey[];
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
export const MIN_SEAL_SECRET_BYTES = 32;

/** `<key id>:<HMAC-SHA-256(secret, hash) in hex>`: the `seal` stored in an event's metadata. */
export function sealOf(hash: string, key: SealKey): string {
  return `${key.id}:${createHmac('sha256', key.secret).update(hash).digest('hex')}`;
}

/**
 * A check that an event's seal was made with one of `keys` over its stored hash (whether that
 * hash holds is `linkBreak`'s part). A missing, malformed or unknown-key seal does not hold.
 */
export function sealChecker(keys: readonly SealKey[]): SealCheck {
  const byId = new Map(keys.map((key) => [key.id, key]));
  return (link: ChainLink): boolean => {
    const { seal, hash } = link.metadata;
    if (typeof seal !== 'string' || typeof hash !== 'string') return false;
    const key = byId.get(seal.slice(0, seal.indexOf(':')));
    if (key === undefined) return false;
    const expected = Buffer.from(sealOf(hash, key));
    const given = Buffer.from(seal);
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
}

/**
 * Reads `id=base64secret[,id=base64secret…]`, the first being the key that seals (the format of
 * `CHAIN_SEAL_KEYS`). Throws a one-line message on an empty list, a malformed entry, a repeated
 * id or a secret shorter than 32 bytes.
 */
export function parseSealKeys(text: string): SealKeys {
  const all = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry): SealKey => {
      const separator = entry.indexOf('=');
      const id = entry.slice(0, separator);
      const encoded = entry.slice(separator + 1);
      if (separator < 1 || !KEY_ID.test(id)) throw new TypeError(`a key must be <id>=<base64 secret>, the id of letters, digits, - and _ (got "${id || entry.slice(0, 8)}…")`);
      const secret = Buffer.from(encoded, 'base64');
      if (secret.length < MIN_SEAL_SECRET_BYTES || secret.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
        throw new TypeError(`key ${id}: the secret must be at least ${MIN_SEAL_SECRET_BYTES} bytes in standard base64 (openssl rand -base64 32)`);
      }
      return { id, secret };
    });
  if (all.length === 0) throw new TypeError('no key given');
  const ids = all.map((key) => key.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new TypeError(`key id ${repeated} is given twice`);
  return { current: all[0], all };
}
