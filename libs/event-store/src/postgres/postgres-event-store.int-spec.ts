import { asOwner } from '@ree/testing';
import { Pool } from 'pg';
import { describeEventStoreContract } from '../testing/contract/event-store.contract';
import { freshStream, newEvents, readAllOf } from '../testing/contract/sample-events';
import { EventStoreUnavailableError } from '../errors';
import { eventHash, verifyChain } from '../hash-chain';
import { appendWithClient } from '../testing';
import { createEventStorePool } from './create-event-store-pool';
import { PostgresEventStore } from './postgres-event-store';

// Other test files may write thousands of events meanwhile; reading past them takes a while.

const url = process.env.DATABASE_URL!;
let pool: Pool;

beforeAll(() => {
  pool = createEventStorePool(url, { max: 12, applicationName: 'event-store-int-spec' });
});
afterAll(() => pool.end());

describeEventStoreContract('PostgreSQL', async ({ upcasters, seal }) => {
  const store = new PostgresEventStore({ pool, upcasters, seal, pollIntervalMs: 100 });
  return { store, teardown: () => store.close() };
});

describe('PostgresEventStore on the database', () => {
  it.each([
    ['UPDATE', `UPDATE event_store.events SET type = 'Forged' WHERE stream_id = $1`],
    ['DELETE', `DELETE FROM event_store.events WHERE stream_id = $1`],
  ])('the database rejects %s of stored events, even by the owner of the table', async (operation, sql) => {
    const streamId = freshStream();
    await new PostgresEventStore({ pool }).appendToStream(streamId, newEvents(1));
    const owner = new Pool({ connectionString: asOwner(url), max: 1 });
    try {
      await expect(owner.query(sql, [streamId])).rejects.toThrow(`event_store.events is append-only: ${operation} is not allowed`);
    } finally {
      await owner.end();
    }
  });

  it('the database rejects TRUNCATE of the events table, even by its owner', async () => {
    const owner = new Pool({ connectionString: asOwner(url), max: 1 });
    try {
      await expect(owner.query('TRUNCATE event_store.events')).rejects.toThrow('append-only: TRUNCATE is not allowed');
    } finally {
      await owner.end();
    }
  });

  it('reports an unreachable database as EventStoreUnavailableError', async () => {
    const unreachable = createEventStorePool('postgres://postgres@127.0.0.1:1/ree', { max: 1 });
    const store = new PostgresEventStore({ pool: unreachable });
    try {
      await expect(store.appendToStream(freshStream(), newEvents(1))).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await unreachable.end();
    }
  });

  it('keeps positions as exact decimal strings that grow with the transaction id, from the base in force', async () => {
    const store = new PostgresEventStore({ pool });
    const { events } = await store.appendToStream(freshStream(), newEvents(3));
    const { rows } = await pool.query<{ xid: string; base: string }>(
      `SELECT transaction_id::text AS xid, event_store.position_base()::text AS base FROM event_store.events WHERE event_id = $1`,
      [events[0].eventId],
    );
    const low = (BigInt(rows[0].base) + BigInt(rows[0].xid)) << 20n;
    expect(events.map((event) => event.position)).toEqual([low, low + 1n, low + 2n].map(String));
  });

  it('hashes the position and the transaction id it stores: the row holds what the chain covers', async () => {
    const store = new PostgresEventStore({ pool });
    const streamId = freshStream();
    const { events } = await store.appendToStream(streamId, newEvents(2));
    const { rows } = await pool.query<{ position: string; xid: string }>(
      `SELECT position::text AS position, transaction_id::text AS xid FROM event_store.events WHERE stream_id = $1 ORDER BY revision`,
      [streamId],
    );
    expect(rows).toEqual(events.map((event) => ({ position: event.position, xid: event.transactionId })));
    expect(events.map((event) => eventHash(event))).toEqual(events.map((event) => event.metadata.hash));
    expect(verifyChain(await store.readStream(streamId, { raw: true }))).toMatchObject({ valid: true, events: 2 });
  });

  it('refuses to insert events whose block was read in another transaction: their hashed positions would lie', async () => {
    const client = await pool.connect();
    try {
      await expect(appendWithClient(client, freshStream(), null, newEvents(1))).rejects.toThrow(/another transaction/);
    } finally {
      client.release();
    }
  });

  it('keeps counting positions over several appends in one transaction and commits them together', async () => {
    const store = new PostgresEventStore({ pool });
    const [a, b] = [freshStream(), freshStream()];
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const first = await appendWithClient(client, a, null, newEvents(2));
      const second = await appendWithClient(client, b, null, newEvents(2));
      expect(await store.readStream(a)).toEqual([]);
      await client.query('COMMIT');
      const positions = [...first, ...second].map((event) => BigInt(event.position));
      expect(positions.map((position) => position - positions[0])).toEqual([0n, 1n, 2n, 3n]);
    } finally {
      client.release();
    }
    expect((await store.readStream(b)).map((event) => event.position)).toHaveLength(2);
  });

  it('does not deliver events below a transaction that is still open, then delivers them in order', async () => {
    const store = new PostgresEventStore({ pool });
    const [early, late] = [freshStream(), freshStream()];
    const checkpoint = await store.headPosition();
    const client = await pool.connect();
    let upTo = '';
    try {
      await client.query('BEGIN');
      await appendWithClient(client, early, null, newEvents(1));
      upTo = (await store.appendToStream(late, newEvents(1))).position;
      const whileOpen = await store.readAll({ after: checkpoint, maxCount: 1000 });
      expect(whileOpen.events.filter((event) => [early, late].includes(event.streamId))).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const mine = await readAllOf(store, checkpoint, upTo, [early, late]);
    expect(mine.map((event) => event.streamId)).toEqual([early, late]);
  });

  it('orders positions as numbers, also where their number of digits changes', async () => {
    // Rows made up inside a transaction that is rolled back: no other test ever sees them. A base of
    // 10^8 (as a restore step records it) puts the readers' horizon above 10^14. As the owner: only
    // the restore step, run as the owner, adds an epoch.
    const owner = new Pool({ connectionString: asOwner(url), max: 1 });
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO event_store.position_epochs (base, system_identifier) SELECT 100000000, system_identifier FROM pg_control_system()`,
      );
      const store = new PostgresEventStore({ pool: { query: client.query.bind(client) } as unknown as Pool });
      const positions = ['99999999999998', '99999999999999', '100000000000000', '100000000000001'];
      for (const [revision, position] of positions.entries()) {
        await client.query(
          `INSERT INTO event_store.events (position, transaction_id, event_id, stream_id, revision, type, schema_version,
             data, metadata, recorded_at)
           VALUES ($1, '3', gen_random_uuid(), 'digits', $2, 'SampleRecorded', 1, '{}', '{}', now())`,
          [position, revision],
        );
      }
      const page = await store.readAll({ after: '99999999999997', maxCount: 3 });
      expect(page.events.map((event) => event.position)).toEqual(positions.slice(0, 3));
      expect(page.checkpoint).toBe('100000000000000');
      expect(await store.headPosition()).toBe('100000000000001');
    } finally {
      await client.query('ROLLBACK');
      client.release();
      await owner.end();
    }
  });

  it('subscriptions keep following after the LISTEN connection is killed', async () => {
    const store = new PostgresEventStore({ pool, listenConnectionString: url, pollIntervalMs: 200 });
    const streamId = freshStream();
    const seen: string[] = [];
    const subscription = store.subscribeToAll({
      after: await store.headPosition(),
      handler: async (events) => {
        seen.push(...events.filter((event) => event.streamId === streamId).map((event) => event.eventId));
      },
    });
    try {
      await subscription.caughtUp();
      await pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query = 'LISTEN event_store_appended' AND pid <> pg_backend_pid()`,
      );
      const { events } = await store.appendToStream(streamId, newEvents(2));
      await subscription.caughtUp();
      expect(seen).toEqual(events.map((event) => event.eventId));
    } finally {
      await store.close();
    }
  });
});
