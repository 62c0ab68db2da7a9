import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { openTestDataSource, privateTestDatabase, untilReadable, eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { signAnchor } from './anchor';
import type { AnchorKeyring } from './anchor-keyring';
import { anchorRows } from './anchor-store';
import { AnchorTaker } from './anchor-taker';
import { checkAnchor } from './check/anchor-check';
import { EMPTY_LOG, extendLogFromStore } from './log/log-hash';
import { keyringOf, testKey } from '../testing/anchors';

jest.setTimeout(180_000);

describe('rotating the anchor key', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;
  const actor = { sub: 'anchor-rotation-int-spec', role: 'auditor' };

  // Its own database: it leaves anchors behind that no key of the other suites verifies.
  beforeAll(async () => {
    database = await privateTestDatabase('anchor_rotation');
    pool = createEventStorePool(database.url, { max: 4, applicationName: 'anchor-rotation-int-spec' });
    store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
    dataSource = await openTestDataSource([], database.url);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await dataSource.destroy();
    await database.drop();
  });

  /** Appends `count` events to a new stream and waits (60 s ceiling) until anchors can see them. */
  async function events(count: number): Promise<void> {
    const { position } = await store.appendToStream(`licence-${randomUUID()}`, Array.from({ length: count }, (_, n) => ({ type: 'StepRecorded', data: { n }, metadata: { actor } })));
    await untilReadable(store, position);
  }

  it('verifies the old anchor with the retired key and goes on from its log; passes over a forged anchor row', async () => {
    const key = testKey();
    await events(2);
    const old = await new AnchorTaker(dataSource, keyringOf(key)).take();
    const newKey = testKey();
    const rotatedAt = new Date(Date.now() + 1).toISOString();
    const rotated: AnchorKeyring = {
      signing: { ...newKey, source: 'file' },
      keys: [
        { keyId: newKey.keyId, publicKeyPem: newKey.publicKeyPem, validFrom: rotatedAt, validUntil: null, current: true },
        { keyId: key.keyId, publicKeyPem: key.publicKeyPem, validFrom: null, validUntil: rotatedAt, current: false },
      ],
    };
    // Someone with write access to the audit tables adds an anchor of their own, signed by a key nobody published.
    const stranger = testKey();
    await events(1);
    const { id: _id, signature: _signature, ...oldBody } = old;
    const forgedBody = { ...oldBody, events: old.events + 1000, logHash: 'f'.repeat(64), keyId: stranger.keyId };
    const { leavesOf } = (await anchorRows.byId(dataSource, old.id))!;
    await anchorRows.insert(dataSource, { anchor: { ...forgedBody, id: randomUUID(), signature: signAnchor(forgedBody, stranger.privateKey) }, leavesOf }, []);
    const forgedAt = Date.now();
    await eventually(() => Date.now() > forgedAt + 1, { intervalMs: 1, what: 'a later instant than the forged row' });
    const fresh = await new AnchorTaker(dataSource, rotated).take();
    expect(fresh.keyId).toBe(newKey.keyId);
    // The new anchor went on from the old one's signed log, not from the forged row: the same as reading every event.
    expect(fresh).toMatchObject((({ events: count, logHash }) => ({ events: count, logHash }))(await extendLogFromStore(dataSource, EMPTY_LOG, fresh.lastPosition!)));
    const check = (anchorId: string, keys = rotated.keys) => checkAnchor(dataSource, store, keys, anchorId);
    expect(await check(old.id)).toMatchObject({ consistent: true, findings: [] });
    // Only the forged row is reported, as an earlier anchor that does not verify.
    expect((await check(fresh.id)).findings).toEqual([expect.objectContaining({ kind: 'signature-invalid', detail: expect.stringContaining('does not verify') })]);
    // Published without its retirement, or not published at all, a key is refused.
    const oldKeyOnly = keyringOf(key).keys;
    expect((await check(fresh.id, oldKeyOnly)).findings).toContainEqual(expect.objectContaining({ kind: 'signature-invalid', anchorId: fresh.id }));
  });

  it('refuses an anchor whose key signed it outside that key’s validity', async () => {
    const key = testKey();
    await events(1);
    const anchor = await new AnchorTaker(dataSource, keyringOf(key)).take();
    const retiredBefore = new Date(Date.parse(anchor.takenAt) - 60_000).toISOString();
    const keys = [{ keyId: key.keyId, publicKeyPem: key.publicKeyPem, validFrom: null, validUntil: retiredBefore, current: false }];
    const { findings } = await checkAnchor(dataSource, store, keys, anchor.id);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'signature-invalid', anchorId: anchor.id, detail: expect.stringContaining("outside its key's validity") }));
  });
});
