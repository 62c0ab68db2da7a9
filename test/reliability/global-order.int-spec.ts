import { NewEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { createEventStorePool, PostgresEventStore, StreamHead } from '@ree/event-store';
import { appendWithClient } from '@ree/event-store/testing';
import { asSuperuser, createTestDatabase } from '@ree/testing';
import { dropDatabase } from '../../infra/data-source';

/**
 * docs/quality.md, "Reliability" (global order): concurrent writers hold their transactions open for random times,
 * so that transactions commit out of position order, while a catch-up reader runs. The store's
 * readAll must deliver every event exactly once, in strictly increasing position. A naive
 * reader (`position > last`, no transaction guard) runs beside it to show that the load does
 * produce late commits: it misses events.
 */
const WRITERS = 8;
const EVENTS_PER_WRITER = 5_000;
const EVENTS_PER_APPEND = 10;
const STREAMS_PER_WRITER = 20;
const TOTAL = WRITERS * EVENTS_PER_WRITER;

const actor = { sub: 'global-order', role: 'OFFICER' };
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('global order under concurrent, slow-committing writers', () => {
  let pool: Pool;

  // A database of its own: its 40,000 events would otherwise slow every later test that replays from zero.
  const url = `${process.env.DATABASE_URL!}_global_order`;

  beforeAll(async () => {
    await createTestDatabase(url);
    pool = createEventStorePool(url, { max: WRITERS + 4, applicationName: 'global-order' });
  });
  afterAll(async () => {
    await pool.end();
    await dropDatabase(asSuperuser(url));
  });

  it('the catch-up reader sees every event exactly once and in position order', async () => {
    const store = new PostgresEventStore({ pool });
    const prefix = `order-${randomUUID()}`;
    const start = await store.headPosition();
    const started = Date.now();
    let writing = true;

    const writers = Promise.all(Array.from({ length: WRITERS }, (_, writer) => write(pool, `${prefix}-${writer}`)));
    const realReader = readWithStore(store, start, prefix, () => writing);
    const naiveReader = readNaively(pool, start, prefix, () => writing);
    await writers.finally(() => (writing = false));
    const [real, naive] = await Promise.all([realReader, naiveReader]);
    const seconds = (Date.now() - started) / 1000;

    console.log(
      `global order: ${TOTAL} events, ${WRITERS} writers; real reader missed ${TOTAL - real.seen.size}, ` +
        `duplicated ${real.duplicates}, out of order ${real.outOfOrder}; naive reader missed ${TOTAL - naive.size}; ` +
        `${seconds.toFixed(1)} s`,
    );
    expect(real.seen.size).toBe(TOTAL);
    expect(real.duplicates).toBe(0);
    expect(real.outOfOrder).toBe(0);
    await store.close();
    // About 10 s on a quiet machine; the writers alone took 84 s on a busy one.
  }, 600_000);
});

/** One writer: BEGIN, the adapter's own append statement, a random pause, COMMIT. */
async function write(pool: Pool, streamPrefix: string): Promise<void> {
  const client: PoolClient = await pool.connect();
  const heads = new Map<string, StreamHead | null>();
  try {
    for (let append = 0; append < EVENTS_PER_WRITER / EVENTS_PER_APPEND; append++) {
      const streamId = `${streamPrefix}-${append % STREAMS_PER_WRITER}`;
      const events: NewEvent[] = Array.from({ length: EVENTS_PER_APPEND }, (_, n) => ({
        type: 'SampleRecorded',
        data: { append, n },
        metadata: { actor },
      }));
      await client.query('BEGIN');
      const recorded = await appendWithClient(client, streamId, heads.get(streamId) ?? null, events);
      await client.query('SELECT pg_sleep($1)', [Math.random() * 0.004]);
      await client.query('COMMIT');
      const last = recorded[recorded.length - 1];
      heads.set(streamId, { revision: last.revision, hash: last.metadata.hash });
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface RealReading {
  readonly seen: Set<string>;
  duplicates: number;
  outOfOrder: number;
}

/**
 * Reads with the adapter's readAll until it has seen every event of the run, or 60 s after the
 * writers finished: a ceiling counted from the end of the writing, so a slow machine never cuts it short.
 */
async function readWithStore(
  store: PostgresEventStore,
  start: string | null,
  prefix: string,
  writing: () => boolean,
): Promise<RealReading> {
  const reading: RealReading = { seen: new Set(), duplicates: 0, outOfOrder: 0 };
  let deadline = Infinity;
  let checkpoint = start;
  let last = start === null ? -1n : BigInt(start);
  while (reading.seen.size < TOTAL && Date.now() < deadline) {
    if (deadline === Infinity && !writing()) deadline = Date.now() + 60_000;
    const page = await store.readAll({ after: checkpoint, maxCount: 1_000, raw: true });
    for (const event of page.events) {
      const position = BigInt(event.position);
      if (position <= last) reading.outOfOrder++;
      last = position;
      if (!event.streamId.startsWith(prefix)) continue;
      if (reading.seen.has(event.eventId)) reading.duplicates++;
      reading.seen.add(event.eventId);
    }
    checkpoint = page.checkpoint;
    if (page.events.length === 0) await pause(writing() ? 1 : 10);
  }
  return reading;
}

/** The reader this design replaces: `position > last`, with no transaction guard. */
async function readNaively(pool: Pool, start: string | null, prefix: string, writing: () => boolean): Promise<Set<string>> {
  const seen = new Set<string>();
  let last = start ?? '-1';
  for (let drained = false; !drained; ) {
    const finalPass = !writing();
    for (;;) {
      const { rows } = await pool.query<{ position: string; event_id: string; stream_id: string }>(
        `SELECT e.position::text AS position, e.event_id::text AS event_id, e.stream_id
         FROM event_store.events e WHERE e.position > $1::bigint ORDER BY e.position LIMIT 1000`,
        [last],
      );
      rows.filter((row) => row.stream_id.startsWith(prefix)).forEach((row) => seen.add(row.event_id));
      if (rows.length > 0) last = rows[rows.length - 1].position;
      if (rows.length < 1000) break;
    }
    drained = finalPass;
    if (!drained) await pause(1);
  }
  return seen;
}
