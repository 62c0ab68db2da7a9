import { Pool } from 'pg';
import { AppendObservation } from '../append-observer';
import { freshStream, newEvents } from '../testing/contract/sample-events';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { createEventStorePool } from './create-event-store-pool';
import { PostgresEventStore } from './postgres-event-store';

const url = process.env.DATABASE_URL!;
let pool: Pool;

beforeAll(() => {
  pool = createEventStorePool(url, { max: 4, applicationName: 'append-observer-int-spec' });
});
afterAll(() => pool.end());

describe('PostgresEventStore onAppend', () => {
  it('tells the duration and outcome of every append, a retried one included', async () => {
    const seen: AppendObservation[] = [];
    const store = new PostgresEventStore({ pool, onAppend: (observation) => seen.push(observation) });
    const streamId = freshStream('observed');
    const events = newEvents(2);

    await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
    await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
    await expect(store.appendToStream(streamId, newEvents(1), { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );

    expect(seen.map(({ streamId: id, events: count, outcome }) => ({ id, count, outcome }))).toEqual([
      { id: streamId, count: 2, outcome: 'ok' },
      { id: streamId, count: 2, outcome: 'ok' },
      { id: streamId, count: 1, outcome: 'conflict' },
    ]);
    for (const { seconds } of seen) {
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(10);
    }
  });

  it('counts an unreachable database as failed', async () => {
    const unreachable = createEventStorePool('postgres://postgres@127.0.0.1:1/ree', { max: 1 });
    const seen: AppendObservation[] = [];
    try {
      const store = new PostgresEventStore({ pool: unreachable, onAppend: (observation) => seen.push(observation) });
      await expect(store.appendToStream(freshStream('observed'), newEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(seen.map((observation) => observation.outcome)).toEqual(['failed']);
    } finally {
      await unreachable.end();
    }
  });

  it('stores the events even when the observer throws', async () => {
    const store = new PostgresEventStore({
      pool,
      onAppend: () => {
        throw new Error('a broken metrics client');
      },
    });
    const streamId = freshStream('observed');

    const result = await store.appendToStream(streamId, newEvents(1));

    expect(result.nextExpectedRevision).toBe(0);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});
