import { createHash } from 'node:crypto';
import { parseSealKeys, SealKeys } from '@ree/event-store';
import type { AppConfig } from '../config/app-config';

/** The DI token of the chain's seal keys ({@link chainSealOf}): the store seals with `current`, checks accept `all`. */
export const CHAIN_SEAL = Symbol('ChainSeal');

/** The id of the key development and tests seal with; refused in production. */
export const DEVELOPMENT_SEAL_KEY_ID = 'development';

const MAKE_ONE = 'e.g. CHAIN_SEAL_KEYS=k1=$(openssl rand -base64 32)';

/**
 * The keys that seal the hash chain (docs/decisions.md 29), from `CHAIN_SEAL_KEYS`
 * (`id=base64secret[,id=…]`, the first seals, every one verifies). Without it, development and
 * tests seal with a fixed development key, the same in every process, so that the API and the
 * worker agree; production refuses to start without keys of its own. Throws one line naming the
 * setting: `preflight` calls it before anything is built.
 */
export function chainSealOf(config: Pick<AppConfig, 'nodeEnv' | 'chainSealKeys'>): SealKeys {
  if (config.chainSealKeys === undefined) {
    if (config.nodeEnv === 'production') throw new Error(`CHAIN_SEAL_KEYS: required when NODE_ENV=production (${MAKE_ONE})`);
    const secret = createHash('sha256').update('ree development chain seal key').digest();
    const key = { id: DEVELOPMENT_SEAL_KEY_ID, secret };
    return { current: key, all: [key] };
  }
  let keys: SealKeys;
  try {
    keys = parseSealKeys(config.chainSealKeys);
  } catch (error) {
    throw new Error(`CHAIN_SEAL_KEYS: ${(error as Error).message}`);
  }
  if (config.nodeEnv === 'production' && keys.all.some((key) => key.id === DEVELOPMENT_SEAL_KEY_ID)) {
    throw new Error(`CHAIN_SEAL_KEYS: the id "${DEVELOPMENT_SEAL_KEY_ID}" is kept for the development key, refused when NODE_ENV=production`);
  }
  return keys;
}
