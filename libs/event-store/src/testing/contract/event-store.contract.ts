import { ContractSetup, WithStore } from './contract-types';
import { appendContract } from './append.contract';
import { readContract } from './read.contract';
import { reappendContract } from './reappend.contract';
import { subscriptionContract } from './subscription.contract';

export type { ContractSetup, ContractStore, ContractStoreOptions, WithStore } from './contract-types';

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
    describe('appending the same event ids again', () => reappendContract(withStore));
    describe('reading', () => readContract(withStore));
    describe('subscribing', () => subscriptionContract(withStore));
  });
}
