import type { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { APP_CONFIG, AppConfig } from '@ree/platform';
import { DataSource } from 'typeorm';
import { AnchorKey, loadAnchorKey } from './anchor-key';
import { AnchorProofs } from './anchor-proofs';
import { AnchorTaker } from './anchor-taker';

/** The signing key, loaded once at start: a bad key ends the start with its one-line message. */
export const ANCHOR_KEY = Symbol('AnchorKey');

const anchorKeyOf = (config: AppConfig): AnchorKey =>
  loadAnchorKey({ nodeEnv: config.nodeEnv, privateKeyFile: config.anchorPrivateKeyFile, developmentKeyFile: config.anchorDevelopmentKeyFile });

export const anchorKeyProvider: Provider = { provide: ANCHOR_KEY, inject: [APP_CONFIG], useFactory: anchorKeyOf };

/**
 * For `preflight`: loads the key once before the application is built, so that a missing or bad
 * key ends the start with its one line instead of a framework's stack trace.
 */
export function checkAnchorKey(config: AppConfig): void {
  anchorKeyOf(config);
}

export const anchorTakerProvider: Provider = {
  provide: AnchorTaker,
  inject: [DataSource, ANCHOR_KEY],
  useFactory: (dataSource: DataSource, key: AnchorKey) => new AnchorTaker(dataSource, key),
};

export const anchorProofsProvider: Provider = {
  provide: AnchorProofs,
  inject: [DataSource, EVENT_STORE],
  useFactory: (dataSource: DataSource, store: EventStore) => new AnchorProofs(dataSource, store),
};
