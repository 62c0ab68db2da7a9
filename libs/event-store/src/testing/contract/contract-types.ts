import type { SealKey } from '../../chain-seal';
import { EventStore } from '../../event-store';
import { UpcasterRegistry } from '../../upcasting';

export interface ContractStoreOptions {
  /** The suite passes upcasters for its upcasting tests. */
  readonly upcasters?: UpcasterRegistry;
  /** The suite passes a key for its sealing tests. */
  readonly seal?: SealKey;
}

export interface ContractStore {
  readonly store: EventStore;
  teardown(): Promise<void>;
}

/** Builds a store for one test; the suite calls `teardown` after it. */
export type ContractSetup = (options: ContractStoreOptions) => Promise<ContractStore>;

/** Runs `test` with a fresh store from `setup` and tears it down afterwards, even on failure. */
export type WithStore = (test: (store: EventStore) => Promise<void>, options?: ContractStoreOptions) => Promise<void>;
