import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { useProjectorHarness } from '@ree/testing';
import type { Pool } from 'pg';
import { RESTRICTED_LIST_PROJECTION, RestrictedListProjection } from '../projections/restricted-list.projection';
import { REFERENCE_LISTS } from './reference-lists';
import { loadReferenceLists } from './reference-lists.loader';
import { restrictedListStreamId } from './restricted-list.stream';

describe('the reference lists, defined at start by every process', () => {
  // A database of its own: the shared one has the lists already, from every earlier start.
  const harness = useProjectorHarness({ privateDatabase: 'reference_lists' });
  const pools: Pool[] = [];

  /** A store on its own pool, as the API and the worker each have. */
  const process = (): PostgresEventStore => {
    const pool = createEventStorePool((harness.dataSource.options as { url?: string }).url!, { max: 2 });
    pools.push(pool);
    return new PostgresEventStore({ pool });
  };

  it('four processes starting at once define each list once, and a later start defines nothing', async () => {
    const stores = [process(), process(), process(), process()];
    // The event ids derive from the list id: a process that lost the race is answered with the winner's events.
    await Promise.all(stores.map((store) => loadReferenceLists(store))).finally(() => Promise.all(pools.map((pool) => pool.end())));

    for (const list of REFERENCE_LISTS) {
      const events = await harness.store.readStream(restrictedListStreamId(list.listId));
      expect(events.map((event) => [event.type, event.data])).toEqual([['RestrictedListDefined', list]]);
      expect(events[0].metadata.actor).toEqual({ sub: 'registry.reference-lists', role: 'system' });
    }
    expect(await loadReferenceLists(harness.store)).toBe(0);

    const head = await harness.store.readStream(restrictedListStreamId(REFERENCE_LISTS[2].listId));
    await harness.run([new RestrictedListProjection()]);
    await harness.caughtUp(RESTRICTED_LIST_PROJECTION, head[0].position);
    const rows = await harness.dataSource.query(`SELECT list_id, name, consequence FROM registry.restricted_lists ORDER BY name`);
    expect(rows).toEqual(
      [...REFERENCE_LISTS].sort((a, b) => a.name.localeCompare(b.name)).map(({ listId, name, consequence }) => ({ list_id: listId, name, consequence })),
    );
  });
});
