import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { DataSource } from 'typeorm';
import { AnchorKeyring, loadAnchorKeyring } from './anchor-keyring';
import { AnchorProofs } from './anchor-proofs';
import { AnchorTaker } from './anchor-taker';

/** The signing key and the published keys, loaded once at start: a bad key ends the start with its one-line message. */
export const ANCHOR_KEYRING = Symbol('AnchorKeyring');
/** The signing key alone (the keyring's). */
export const ANCHOR_KEY = Symbol('AnchorKey');

const keyringOf = (config: AppConfig): AnchorKeyring =>
  loadAnchorKeyring({
    nodeEnv: config.nodeEnv,
    privateKeyFile: config.anchorPrivateKeyFile,
    developmentKeyFile: config.anchorDevelopmentKeyFile,
    retiredKeysFile: config.anchorRetiredKeysFile,
    currentValidFrom: config.anchorKeyValidFrom,
  });

export const anchorKeyringProvider: Provider = { provide: ANCHOR_KEYRING, inject: [APP_CONFIG], useFactory: keyringOf };

export const anchorKeyProvider: Provider = { provide: ANCHOR_KEY, inject: [ANCHOR_KEYRING], useFactory: (keyring: AnchorKeyring) => keyring.signing };

/**
 * For `preflight`: loads the keys once before the application is built, so that a missing or bad
 * key ends the start with its one line instead of a framework's stack trace.
 */
export function checkAnchorKey(config: AppConfig): void {
  keyringOf(config);
}

export const anchorTakerProvider: Provider = {
  provide: AnchorTaker,
  inject: [DataSource, ANCHOR_KEYRING],
  useFactory: (dataSource: DataSource, keyring: AnchorKeyring) => new AnchorTaker(dataSource, keyring),
};

export const anchorProofsProvider: Provider = {
  provide: AnchorProofs,
  inject: [DataSource, EVENT_STORE],
  useFactory: (dataSource: DataSource, store: EventStore) => new AnchorProofs(dataSource, store),
};
