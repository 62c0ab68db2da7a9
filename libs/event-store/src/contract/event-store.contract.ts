import { EventStore } from '../event-store';
import { UpcasterRegistry } from '../upcasting';
import { appendContract } from './append.contract';
import { readContract } from './read.contract';
import { subscriptionContract } from './subscription.contract';

export interface ContractStoreOptions {
  /** The suite passes upcasters for its upcasting tests. */
  readonly upcasters?: UpcasterRegistry;
}

export interface ContractStore {
  readonly store: EventStore;
  teardown(): Promise<void>;
}

/** Builds a store for one test; the suite calls `teardown` after it. */
export type ContractSetup = (options: ContractStoreOptions) => Promise<ContractStore>;

/** Runs `test` with a fresh store from `setup` and tears it down afterwards, even on failure. */
export type WithStore = (test: (store: EventStore) => Promise<void>, options?: ContractStoreOptions) => Promise<void>;

/**
 * Registers the Jest tests that every EventStore adapter must pass. The tests never assume an
 * empty store: they use fresh stream ids and checkpoints taken at their start, so adapters
 * backed by a shared database can run them.
 */
export function describeEventStoreContract(adapterName: string, setup: ContractSetup): void {
  const withStore: WithStore = async (test, options = {}) => {
    const { store, teardown } = await setup(options);
    try {
      await test(store);
    } finally {
      await teardown();
    }
  };

  describe(`EventStore contract: ${adapterName}`, () => {
    describe('appending', () => appendContract(withStore));
    describe('reading', () => readContract(withStore));
    describe('subscribing', () => subscriptionContract(withStore));
  });
}
