import { describeEventStoreContract } from '../contract/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in memory', async ({ upcasters }) => {
  const store = new InMemoryEventStore({ upcasters });
  return { store, teardown: () => store.close() };
});
