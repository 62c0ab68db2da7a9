import { EVENT_STORE, EventStore } from '@ree/event-store';
import { READ_MODEL_POOL_MAX } from '@ree/platform/database';
import { mineStreamId } from '@ree/registry';
import { nameBasedUuid } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../support/test-app';
import { eventually } from '@ree/testing';

// 500 commands on a machine that may be busy with other work: a generous ceiling, no timed assertion.
jest.setTimeout(600_000);

const OFFICER = 'burst-officer';

interface Answer {
  readonly key: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly retryAfter: string | null;
  readonly body: { id?: string; code?: string; status?: number };
}

/** The stream a keyed mine registration writes to (the mine id is derived from the caller and the key). */
const streamOf = (key: string): string => mineStreamId(nameBasedUuid(`registry/mine/${OFFICER}/${key}`));

/**
 * docs/operations.md, "Connections and backpressure": a burst far larger than the pools waits
 * for connections in a bounded queue and completes; only a full queue answers 503 `overloaded`,
 * and a refused command writes nothing.
 */
describe('a burst of concurrent commands over HTTP', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function started(env: Record<string, string> = {}): Promise<{ app: TestApp; baseUrl: string }> {
    app = await startTestApp(env);
    await app.api.listen(0, '127.0.0.1');
    const { port } = app.api.getHttpServer().address() as AddressInfo;
    return { app, baseUrl: `http://127.0.0.1:${port}` };
  }

  /** `count` mine registrations, all sent at once, each with a body and an Idempotency-Key of its own. */
  function registerMines(test: TestApp, baseUrl: string, count: number): Promise<Answer>[] {
    const token = test.token('licensing-officer', undefined, OFFICER);
    const run = randomUUID().slice(0, 8);
    return Array.from({ length: count }, async (_, index): Promise<Answer> => {
      const key = `burst-${run}-${index}`;
      const response = await fetch(`${baseUrl}/api/v1/mines`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({
          name: `Burst mine ${run} ${index}`,
          operator: `Operator ${index}`,
          region: 'Inner Mongolia',
          country: 'CN',
          miningLicenceNo: `BURST-${run}-${index}`,
          depositType: 'ionic-clay',
        }),
      });
      return {
        key,
        status: response.status,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as Answer['body'],
      };
    });
  }

  async function eventsOf(test: TestApp, key: string): Promise<number> {
    return (await test.api.get<EventStore>(EVENT_STORE).readStream(streamOf(key))).length;
  }

  it('completes 500 concurrent commands over the default pools with no error, each written exactly once', async () => {
    const { app: test, baseUrl } = await started();
    const sentAt = Date.now();
    const answers = await Promise.all(registerMines(test, baseUrl, 500));
    console.log(`burst: 500 concurrent commands answered in ${((Date.now() - sentAt) / 1000).toFixed(1)} s`);

    const failures = answers.filter((answer) => answer.status !== 201);
    expect(failures.map(({ status, body }) => `${status} ${body.code}`)).toEqual([]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(500);
    for (const { key, body } of answers) {
      expect(body.id).toBe(nameBasedUuid(`registry/mine/${OFFICER}/${key}`));
      expect(await eventsOf(test, key)).toBe(1);
    }
  });

  it('answers the overflow of a tiny queue 503 overloaded, problem+json with Retry-After, and writes nothing of a refused command', async () => {
    const { app: test, baseUrl } = await started({ POOL_QUEUE_LIMIT: '1' });
    const blocked = await blockReadModelPool(test);
    const sent = registerMines(test, baseUrl, 300);
    // Every command needs the read-model pool first (its Idempotency-Key claim): one may wait, the rest overflow.
    let settled = 0;
    for (const answer of sent) void answer.then(() => settled++, () => settled++);
    await waitFor(async () => settled >= sent.length - 1);
    await blocked.release();
    const answers = await Promise.all(sent);

    const refused = answers.filter((answer) => answer.status === 503);
    const created = answers.filter((answer) => answer.status === 201);
    console.log(`burst with POOL_QUEUE_LIMIT=1 and the read-model pool busy: ${created.length} created, ${refused.length} refused 503`);
    expect(refused.length).toBeGreaterThan(0);
    expect(created.length).toBeGreaterThan(0);
    expect(refused.length + created.length).toBe(answers.length);
    for (const answer of refused) {
      expect(answer.body).toMatchObject({ status: 503, code: 'overloaded' });
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(await eventsOf(test, answer.key)).toBe(0);
    }
    for (const answer of created) expect(await eventsOf(test, answer.key)).toBe(1);
  });
});

/**
 * Occupies every connection of the API's read-model pool with a query that waits for an advisory
 * lock held by a client of the test's own, until `release()`: the pool is then busy for as long as
 * the test needs, whatever the machine's speed. The waits hold no transaction id, so they hold
 * back no reader of the event store.
 */
async function blockReadModelPool(test: TestApp): Promise<{ release(): Promise<void> }> {
  const lock = `hashtext('burst-e2e-spec-${randomUUID()}')`;
  const holder = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'burst-spec-lock' });
  await holder.connect();
  await holder.query(`SELECT pg_advisory_lock(${lock})`);
  const dataSource = test.api.get(DataSource);
  const waiting = Array.from({ length: READ_MODEL_POOL_MAX }, () => dataSource.query(`SELECT pg_advisory_xact_lock_shared(${lock})`));
  await waitFor(async () => {
    const rows: { waiting: number }[] = await holder.query(
      `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    ).then((result) => result.rows);
    return rows[0].waiting >= READ_MODEL_POOL_MAX;
  });
  return {
    async release() {
      await holder.query(`SELECT pg_advisory_unlock(${lock})`);
      await Promise.all(waiting);
      await holder.end();
    },
  };
}

/** Polls a condition until it holds; fails after a generous ceiling. */
const waitFor = (condition: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> => eventually(condition, timeoutMs);
