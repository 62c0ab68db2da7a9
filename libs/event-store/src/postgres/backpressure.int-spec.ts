import type { Pool } from 'pg';
import { freshStream, newEvents } from '../testing/contract/sample-events';
import { EventStoreOverloadedError, EventStoreUnavailableError } from '../errors';
import type { AppendResult } from '../event-store';
import { createEventStorePool } from './create-event-store-pool';
import { PostgresEventStore } from './postgres-event-store';

// Bursts against one shared PostgreSQL that other suites use too: a generous ceiling, no timed assertion.
jest.setTimeout(180_000);

const url = process.env.DATABASE_URL!;

/** The API's event store pool size (EVENT_STORE_POOL_MAX). */
const POOL_MAX = 16;

describe('backpressure in the PostgreSQL event store', () => {
  const pools: Pool[] = [];
  const stores: PostgresEventStore[] = [];
  function storeOn(options: Parameters<typeof createEventStorePool>[1]): { store: PostgresEventStore; pool: Pool } {
    const pool = createEventStorePool(url, { applicationName: 'backpressure-int-spec', ...options });
    const store = new PostgresEventStore({ pool });
    pools.push(pool);
    stores.push(store);
    return { store, pool };
  }
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });

  it.each([
    [50, 1],
    [100, 1],
    [50, 4],
    [100, 4],
  ])("stores %i concurrent 'any' appends to one stream from %i store instance(s), each once, at contiguous revisions", async (writers, instances) => {
    // Instances stand for processes: their writers race each other for the next revision and back off.
    const stores = Array.from({ length: instances }, () => storeOn({ max: POOL_MAX / instances }).store);
    const streamId = freshStream('any-burst');
    const batches = Array.from({ length: writers }, () => newEvents(1));
    const results = await Promise.all(
      batches.map((events, index) => stores[index % instances].appendToStream(streamId, events, { expectedRevision: 'any' })),
    );

    const stored = await stores[0].readStream(streamId);
    expect(stored.map((event) => event.revision)).toEqual(Array.from({ length: writers }, (_, revision) => revision));
    expect(new Set(stored.map((event) => event.eventId))).toEqual(new Set(batches.map(([event]) => event.eventId)));
    expect(new Set(results.map((result) => result.nextExpectedRevision)).size).toBe(writers);
  });

  it('lets 200 concurrent appends over a pool of 16 wait for a connection instead of failing', async () => {
    const { store } = storeOn({ max: POOL_MAX });
    const streams = Array.from({ length: 200 }, () => freshStream('burst'));
    const outcomes = await Promise.allSettled(streams.map((streamId) => store.appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' })));

    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    const counts = await Promise.all(streams.map(async (streamId) => (await store.readStream(streamId)).length));
    expect(counts.every((count) => count === 2)).toBe(true);
  });

  it('refuses what overflows a full queue as EventStoreOverloadedError, and writes nothing of it', async () => {
    const { store } = storeOn({ max: 1, queueLimit: 2 });
    const streams = Array.from({ length: 30 }, () => freshStream('overflow'));
    const outcomes = await Promise.allSettled(streams.map((streamId) => store.appendToStream(streamId, newEvents(1), { expectedRevision: 'no-stream' })));

    const refused = streams.filter((_, index) => outcomes[index].status === 'rejected');
    const accepted = streams.filter((_, index) => outcomes[index].status === 'fulfilled');
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toBeInstanceOf(EventStoreOverloadedError);
        expect(outcome.reason.cause).toMatchObject({ name: 'PoolOverloadedError', reason: 'queue-full' });
      }
    }
    const { store: reader } = storeOn({ max: 4 });
    for (const streamId of refused) expect(await reader.readStream(streamId)).toEqual([]);
    for (const streamId of accepted) expect(await reader.readStream(streamId)).toHaveLength(1);
    expect(accepted.every((streamId, index) => (outcomes.filter((outcome) => outcome.status === 'fulfilled')[index] as PromiseFulfilledResult<AppendResult>).value.events[0].streamId === streamId)).toBe(true);
  });

  it('still reports an unreachable database as unavailable, not as overloaded', async () => {
    const { store } = storeOn({ max: 1, queueLimit: 1_000, connectTimeoutMs: 1_000 });
    const unreachable = new PostgresEventStore({ pool: createEventStorePool('postgres://postgres@127.0.0.1:1/ree', { max: 1 }) });
    stores.push(unreachable);
    const failure = await unreachable.appendToStream(freshStream(), newEvents(1)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EventStoreUnavailableError);
    expect(failure).not.toBeInstanceOf(EventStoreOverloadedError);
    expect(await store.headPosition()).not.toBeUndefined();
  });
});
