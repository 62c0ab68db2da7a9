import { describeEventStoreContract } from '../testing/contract/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in memory', async ({ upcasters, seal }) => {
  const store = new InMemoryEventStore({ upcasters, seal });
  return { store, teardown: () => store.close() };
});
