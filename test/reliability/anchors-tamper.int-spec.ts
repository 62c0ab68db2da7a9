import { AnchorTaker, checkAnchor, type AnchorKeyring, type Finding } from '@ree/audit';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { RecordedEvent } from '@ree/shared-kernel';
import { openTestDataSource, privateTestDatabase, untilReadable } from '@ree/testing';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { keyIdOf } from '@ree/audit';
import { insertForgedEvent, rewriteAndRehash, tamperWithEvents } from '../support/tamper';

jest.setTimeout(180_000);

/**
 * Tampering that a stream's own chain cannot see, seen against the latest anchor, which commits to
 * every stream's head and to the global log (docs/decisions.md 30). Each case: streams written, an
 * anchor, more events, the latest anchor, then rows changed as an intruder with the owner's rights
 * would (past the append-only trigger); the check of the latest anchor names the stream and revision.
 */
describe('tampering seen against the latest anchor', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  let taker: AnchorTaker;
  let keyring: AnchorKeyring;
  const actor = { sub: 'licensing-officer-1', role: 'licensing-officer', org: 'org-ministry' };
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  beforeAll(() => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const keyId = keyIdOf(publicKey);
    keyring = { signing: { privateKey, publicKeyPem, keyId, source: 'development' }, keys: [{ keyId, publicKeyPem, validFrom: null, validUntil: null, current: true }] };
  });

  // A database per case: a change below an anchor stays in the log for good (that is the point), so one case's
  // tampering would be found by every later check of the same store.
  beforeEach(async () => {
    database = await privateTestDatabase('anchors_tamper');
    pool = createEventStorePool(database.url, { max: 4, applicationName: 'anchors-tamper-int-spec' });
    store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
    dataSource = await openTestDataSource([], database.url);
    taker = new AnchorTaker(dataSource, keyring);
  });
  afterEach(async () => {
    await store.close();
    await pool.end();
    await dataSource.destroy();
    await database.drop();
  });

  /** Waits (60 s ceiling, docs/decisions.md 26) until the store's readers, and so anchors, see `position`. */
  async function untilVisible(position: string): Promise<void> {
    await untilReadable(store, position);
  }

  async function append(streamId: string, count: number): Promise<RecordedEvent[]> {
    const events = Array.from({ length: count }, (_, n) => ({ type: 'LicenceQuantityAllocated', data: { consignmentId: randomUUID(), kg: 1000 + n }, metadata: { actor } }));
    const { position } = await store.appendToStream(streamId, events);
    await untilVisible(position);
    return store.readStream(streamId, { raw: true });
  }

  /** A licence stream of 4 events, anchored; 2 more events and another stream, anchored again (the latest). */
  async function anchoredTwice() {
    const streamId = `licence-${randomUUID()}`;
    const bystander = `licence-${randomUUID()}`;
    await append(streamId, 4);
    await append(bystander, 2);
    const first = await taker.take();
    await append(streamId, 2);
    await append(`mine-${randomUUID()}`, 1);
    const latest = await taker.take();
    expect(await check()).toMatchObject({ consistent: true, findings: [] });
    return { streamId, bystander, first, latest, events: await store.readStream(streamId, { raw: true }) };
  }

  const check = () => checkAnchor(dataSource, store, keyring.keys, 'latest');
  const about = (findings: readonly Finding[], streamId: string) => findings.filter((finding) => finding.streamId === streamId);

  it('names a stream deleted whole', async () => {
    const { streamId, bystander, first, latest } = await anchoredTwice();
    expect(await tamperWithEvents(pool, `DELETE FROM event_store.events WHERE stream_id = $1`, [streamId])).toBe(6);
    const { consistent, findings } = await check();
    expect(consistent).toBe(false);
    expect(about(findings, streamId)).toEqual([expect.objectContaining({ kind: 'stream-missing', revision: 0, anchoredRevision: 5 })]);
    // Both intervals held events of it: the log of each is not what its anchor signed.
    expect(findings.filter((finding) => finding.kind === 'log-changed').map((finding) => finding.anchorId)).toEqual([first.id, latest.id]);
    expect(about(findings, bystander)).toEqual([]);
  });

  it('names the first revision of a truncated tail', async () => {
    const { streamId, bystander } = await anchoredTwice();
    expect(await tamperWithEvents(pool, `DELETE FROM event_store.events WHERE stream_id = $1 AND revision >= 3`, [streamId])).toBe(3);
    const { findings } = await check();
    expect(about(findings, streamId)).toEqual([expect.objectContaining({ kind: 'tail-missing', revision: 3, anchoredRevision: 5 })]);
    expect(about(findings, bystander)).toEqual([]);
  });

  it('names a forged event inserted with a valid hash at an old position, which the stream shows and projections never see', async () => {
    const { streamId, bystander, first, events } = await anchoredTwice();
    // Below the first anchor: every projection past that position has read on and never comes back to it.
    const old = String(BigInt(first.lastPosition!) - 7n);
    expect(await pool.query(`SELECT 1 FROM event_store.events WHERE position = $1`, [old])).toMatchObject({ rowCount: 0 });
    const head = events.at(-1)!;
    await insertForgedEvent(pool, {
      ...head, eventId: randomUUID(), type: 'LicenceQuantityReleased', schemaVersion: 1, revision: head.revision + 1, position: old,
      transactionId: undefined, data: { consignmentId: randomUUID(), kg: 50_000 }, metadata: { ...head.metadata, prevHash: head.metadata.hash },
    });
    const shown = await store.readStream(streamId, { raw: true });
    expect(shown).toHaveLength(7);
    // Its own chain holds: the forger chained it to the head with a valid hash.
    expect(shown[6].metadata.prevHash).toBe(shown[5].metadata.hash);
    const { findings } = await check();
    expect(about(findings, streamId)).toEqual([expect.objectContaining({ kind: 'event-inserted', revision: 6, position: old })]);
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'log-changed', toPosition: first.lastPosition }));
    expect(about(findings, bystander)).toEqual([]);
  });

  it('names a stream rewritten and re-hashed so that its chain holds, between the anchors that saw it before and after', async () => {
    const { streamId, bystander, first, latest, events } = await anchoredTwice();
    // From revision 4 on: the first anchor saw revisions 0 to 3, which stay as they were.
    await rewriteAndRehash(pool, events, 4, (event) => ({ ...event, data: { consignmentId: randomUUID(), kg: 1 } }));
    const { findings } = await check();
    expect(about(findings, streamId)).toEqual([
      expect.objectContaining({ kind: 'head-changed', revision: 5, intactThrough: 3, anchoredRevision: 5, anchoredHash: events[5].metadata.hash }),
    ]);
    expect(findings.filter((finding) => finding.kind === 'log-changed')).toEqual([expect.objectContaining({ anchorId: latest.id, fromPosition: first.lastPosition })]);
    expect(about(findings, bystander)).toEqual([]);
  });

  it('names the first anchored revision of a rewrite that reaches below the first anchor', async () => {
    const { streamId, first, events } = await anchoredTwice();
    await rewriteAndRehash(pool, events, 1, (event) => ({ ...event, data: { consignmentId: randomUUID(), kg: 1 } }));
    const { findings } = await check();
    expect(about(findings, streamId)).toEqual([expect.objectContaining({ kind: 'head-changed', revision: 3, anchoredRevision: 5 })]);
    expect(about(findings, streamId)[0].intactThrough).toBeUndefined();
    // Revision 1 lies below the first anchor: the log names that interval.
    expect(findings).toContainEqual(expect.objectContaining({ kind: 'log-changed', toPosition: first.lastPosition }));
  });

  it('names an event whose position was edited: past the latest anchor, or into the next interval', async () => {
    const { streamId, bystander, first, latest, events } = await anchoredTwice();
    const past = String(BigInt(latest.lastPosition!) + 1n);
    await tamperWithEvents(pool, `UPDATE event_store.events SET position = $1 WHERE event_id = $2`, [past, events[5].eventId]);
    // Revision 1 was read before the first anchor; moved after it, below the latest.
    const later = String(BigInt(first.lastPosition!) + 1n);
    expect(await pool.query(`SELECT 1 FROM event_store.events WHERE position = $1`, [later])).toMatchObject({ rowCount: 0 });
    await tamperWithEvents(pool, `UPDATE event_store.events SET position = $1 WHERE event_id = $2`, [later, events[1].eventId]);
    const { findings } = await check();
    expect(about(findings, streamId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'event-moved', revision: 1, position: later, anchorId: first.id }),
        expect.objectContaining({ kind: 'event-moved', revision: 5, position: past, anchorId: latest.id }),
      ]),
    );
    expect(about(findings, streamId).every((finding) => ['event-moved', 'chain-broken'].includes(finding.kind))).toBe(true);
    expect(about(findings, bystander)).toEqual([]);
  });
});
