import { createEventStorePool, eventHash, PostgresEventStore, verifyChain } from '@ree/event-store';
import { appendWithClient } from '@ree/event-store/testing';
import { NotFound, RecordedEvent } from '@ree/shared-kernel';
import { asOwner, openTestDataSource, privateTestDatabase, untilReadable } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { Anchor, anchorBodyOf, sortLeaves } from './anchor';
import { AnchorProofs, NotAnchoredYet } from './anchor-proofs';
import { checkAnchor } from './check/anchor-check';
import { anchorRows } from './anchor-store';
import { AnchorTaker } from './anchor-taker';
import { eventProofOf } from './event-proof';
import { readStreamHeads } from './stream-heads';
import { EMPTY_LOG, extendLogFromStore } from './log/log-hash';
import { keyringOf, testKey } from '../testing/anchors';
import { verifyAnchor, verifyProof } from './verify';

const actor = { sub: 'anchors-int-spec', role: 'licensing-officer' };

jest.setTimeout(180_000);

describe('anchors over the PostgreSQL event store', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  /** The test run's superuser: an intruder with every power, who rewrites events past the trigger. */
  let intruder: DataSource;
  let taker: AnchorTaker;
  let proofs: AnchorProofs;
  const key = testKey();
  const keyring = keyringOf(key);
  const check = (anchorId: string) => checkAnchor(dataSource, store, keyring.keys, anchorId);

  // Its own database: it rewrites chains past the trigger and appends events no command writes.
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  beforeAll(async () => {
    database = await privateTestDatabase('anchors');
    pool = createEventStorePool(database.url, { max: 4, applicationName: 'anchors-int-spec' });
    store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
    dataSource = await openTestDataSource([], database.url);
    intruder = await openTestDataSource([], database.superuserUrl);
    taker = new AnchorTaker(dataSource, keyring);
    proofs = new AnchorProofs(dataSource, store);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await dataSource.destroy();
    await intruder.destroy();
    await database.drop();
  });

  /** A new stream of `length` events; resolves once the store's readers (and so anchors) can see it. */
  async function streamOf(length: number, kind = 'consignment'): Promise<RecordedEvent[]> {
    const streamId = `${kind}-${randomUUID()}`;
    const events = Array.from({ length }, (_, n) => ({ type: 'StepRecorded', data: { step: n, grams: 1000 + n }, metadata: { actor } }));
    const { position } = await store.appendToStream(streamId, events);
    await untilVisible(position);
    return store.readStream(streamId, { raw: true });
  }

  /**
   * The horizon is the cluster's: a transaction left open in another database (another test run)
   * holds it back, up to the 60 s idle-in-transaction timeout.
   */
  async function untilVisible(position: string): Promise<void> {
    await untilReadable(store, position);
  }

  const leafOf = async (anchor: Anchor, streamId: string) => {
    const stored = (await anchorRows.byId(dataSource, anchor.id))!;
    return anchorRows.leaf(dataSource, stored.leavesOf, streamId);
  };

  /** Rewrites stored events straight in the table, past the append-only trigger (replica mode fires no trigger). */
  async function rewrite(changes: Array<{ event: RecordedEvent; data: unknown; metadata: unknown }>): Promise<void> {
    await intruder.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      for (const { event, data, metadata } of changes) {
        await manager.query(`UPDATE event_store.events SET data = $1, metadata = $2 WHERE event_id = $3`, [data, metadata, event.eventId]);
      }
    });
  }

  it('signs a root over every stream head and the log up to the last position, counting streams and events', async () => {
    const streams = [await streamOf(3), await streamOf(1, 'licence'), await streamOf(2, 'mine')];
    const anchor = await taker.take();
    expect(verifyAnchor(anchor, key.publicKeyPem)).toEqual({ valid: true, problems: [] });
    const stored = (await anchorRows.byId(dataSource, anchor.id))!;
    const leaves = await anchorRows.leaves(dataSource, stored.leavesOf);
    expect(leaves).toEqual(sortLeaves(leaves));
    expect(leaves).toHaveLength(anchor.streams);
    expect(anchor.events).toBe(leaves.reduce((sum, leaf) => sum + leaf.revision + 1, 0));
    const { id: _id, signature: _signature, ...body } = anchor;
    expect(await anchorRows.latest(dataSource)).toMatchObject({ anchor });
    const log = await extendLogFromStore(dataSource, EMPTY_LOG, anchor.lastPosition!);
    expect(log.events).toBe(anchor.events);
    expect(anchorBodyOf(leaves, anchor.takenAt, anchor.lastPosition, key.keyId, log)).toEqual(body);
    // The next anchor extends this one's signed log with the events since: the same as reading them all again.
    await streamOf(2);
    const next = await taker.take();
    expect(next).toMatchObject((({ events, logHash }) => ({ events, logHash }))(await extendLogFromStore(dataSource, EMPTY_LOG, next.lastPosition!)));
    expect(next.events).toBe(anchor.events + 2);
    for (const stream of streams) {
      const head = stream.at(-1)!;
      expect(leaves).toContainEqual({ streamId: head.streamId, revision: head.revision, headHash: head.metadata.hash });
      expect(BigInt(anchor.lastPosition!)).toBeGreaterThanOrEqual(BigInt(head.position));
    }
    expect(anchor.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('leaves out what the store cannot deliver yet: a transaction still open, and every later one', async () => {
    const client = await pool.connect();
    const held = `consignment-${randomUUID()}`;
    try {
      await client.query('BEGIN');
      const [pending] = await appendWithClient(client, held, null, [{ type: 'StepRecorded', data: {}, metadata: { actor } }]);
      const later = `consignment-${randomUUID()}`;
      await store.appendToStream(later, [{ type: 'StepRecorded', data: {}, metadata: { actor } }]);
      const { heads, lastPosition } = await readStreamHeads(dataSource);
      expect(heads.map((head) => head.streamId)).not.toContain(held);
      expect(heads.map((head) => head.streamId)).not.toContain(later);
      expect(lastPosition === null || BigInt(lastPosition) < BigInt(pending.position)).toBe(true);
      await client.query('COMMIT');
      await untilVisible((await store.readStream(later))[0].position);
      await untilVisible(pending.position);
      const after = await readStreamHeads(dataSource);
      expect(after.heads.map((head) => head.streamId)).toEqual(expect.arrayContaining([held, later]));
    } finally {
      client.release();
    }
  });

  it('shares the leaf rows of the anchor before when nothing has changed, and stores new ones when something has', async () => {
    await streamOf(1);
    const first = await taker.take();
    const second = await taker.take();
    expect(second.root).toBe(first.root);
    expect(second.id).not.toBe(first.id);
    expect((await anchorRows.byId(dataSource, second.id))!.leavesOf).toBe(first.id);
    expect(verifyAnchor(second, key.publicKeyPem).valid).toBe(true);
    await streamOf(1);
    const third = await taker.take();
    expect(third.root).not.toBe(first.root);
    expect((await anchorRows.byId(dataSource, third.id))!.leavesOf).toBe(third.id);
  });

  it('takes one anchor per job, however often the job runs, and one after the other when taken at once', async () => {
    const jobId = `test-${randomUUID()}`;
    const once = await taker.take({ jobId });
    expect(await taker.take({ jobId })).toEqual(once);
    const before = (await anchorRows.latest(dataSource))!.seq;
    const together = await Promise.all([1, 2, 3, 4].map(() => taker.take()));
    const page = await anchorRows.page(dataSource, 4);
    expect(page.map((stored) => stored.anchor.id).sort()).toEqual(together.map((anchor) => anchor.id).sort());
    expect(page.every((stored) => stored.seq > before)).toBe(true);
    const times = page.map((stored) => stored.anchor.takenAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(await anchorRows.page(dataSource, 2, page[1].seq)).toEqual(page.slice(2, 4));
  });

  it('proves an event against the latest anchor; an event newer than it is not anchored yet; an unknown one is not found', async () => {
    const stream = await streamOf(4);
    const anchor = await taker.take();
    const proof = await proofs.proofFor(stream[1].eventId);
    expect(proof.anchor).toEqual(anchor);
    expect(proof.laterEvents.map((event) => event.revision)).toEqual([2, 3]);
    expect(verifyProof(proof, key.publicKeyPem)).toEqual({ valid: true, problems: [] });
    const { position } = await store.appendToStream(stream[0].streamId, [{ type: 'StepRecorded', data: { step: 4 }, metadata: { actor } }]);
    await untilVisible(position);
    const [newest] = await store.readStream(stream[0].streamId, { fromRevision: 4 });
    await expect(proofs.proofFor(newest.eventId)).rejects.toThrow(NotAnchoredYet);
    // The older event is proven against the latest anchor still: up to revision 3, which that anchor covers.
    expect(verifyProof(await proofs.proofFor(stream[1].eventId), key.publicKeyPem).valid).toBe(true);
    await expect(proofs.proofFor(randomUUID())).rejects.toThrow(NotFound);
  });

  it('no longer matches a chain rewritten after it, even one re-hashed to be consistent, and names the stream', async () => {
    const rewritten = await streamOf(3);
    const tampered = await streamOf(2, 'mine');
    const untouched = await streamOf(2, 'licence');
    const before = await taker.take();
    const proofBefore = await proofs.proofFor(rewritten[0].eventId);
    expect(await check(before.id)).toMatchObject({ consistent: true, findings: [] });

    // Revision 1 of one stream gets other data, and its hash and the next one's are recomputed: the chain holds again.
    let prevHash = rewritten[0].metadata.hash;
    const changes = rewritten.slice(1).map((event, index) => {
      const data = index === 0 ? { step: 1, grams: 1 } : event.data;
      const hash = eventHash({ ...event, data, metadata: { ...event.metadata, prevHash } });
      const change = { event, data, metadata: { ...event.metadata, prevHash, hash } };
      prevHash = hash;
      return change;
    });
    // Another stream's data is changed and its hashes left as they were.
    await rewrite([...changes, { event: tampered[1], data: { step: 1, grams: 2 }, metadata: tampered[1].metadata }]);
    expect(verifyChain(await store.readStream(rewritten[0].streamId, { raw: true })).valid).toBe(true);

    const after = await taker.take();
    expect(after.root).not.toBe(before.root);
    const result = await check(before.id);
    expect(result.consistent).toBe(false);
    const named = result.findings.filter((finding) => finding.streamId !== undefined);
    expect(named).toHaveLength(2);
    expect(named).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'head-changed', streamId: rewritten[0].streamId, revision: 2, anchoredHash: rewritten[2].metadata.hash, currentHash: prevHash }),
        expect.objectContaining({ kind: 'chain-broken', streamId: tampered[0].streamId, revision: 1 }),
      ]),
    );
    // The rewritten events lie below the anchor: the log they give is not the one it signed.
    expect(result.findings).toContainEqual(expect.objectContaining({ kind: 'log-changed', toPosition: before.lastPosition }));
    // The next anchor took the log over from the signed one, not from the rewritten rows: it sees the change too.
    const later = await check(after.id);
    expect(later.findings).toContainEqual(expect.objectContaining({ kind: 'log-changed' }));
    expect(later.findings).toContainEqual(expect.objectContaining({ kind: 'chain-broken', streamId: tampered[0].streamId, revision: 1 }));
    expect(later.findings.map((finding) => finding.streamId)).not.toContain(untouched[0].streamId);

    // The proof given before the rewrite still verifies (it carries the original events); one built from the rewritten
    // events against the earlier anchor does not.
    expect(verifyProof(proofBefore, key.publicKeyPem).valid).toBe(true);
    const stored = (await anchorRows.byId(dataSource, before.id))!;
    const leaves = await anchorRows.leaves(dataSource, stored.leavesOf);
    const place = (await leafOf(before, rewritten[0].streamId))!;
    const current = await store.readStream(rewritten[0].streamId, { raw: true });
    const againstBefore = eventProofOf({ events: current, anchor: before, leaves, index: place.index });
    expect(verifyProof(againstBefore, key.publicKeyPem).problems).toEqual([
      `leaf is not the stream's last event shown (stream ${rewritten[0].streamId}, revision 2)`,
    ]);
    // Against the new anchor, the rewritten chain verifies: an anchor vouches for what it saw, not for what came before it.
    expect(verifyProof(await proofs.proofFor(rewritten[0].eventId), key.publicKeyPem).valid).toBe(true);
  });

  it('refuses to change or delete a stored anchor: the application role may not, and the trigger stops the owner', async () => {
    const anchor = await taker.take();
    const { leavesOf } = (await anchorRows.byId(dataSource, anchor.id))!;
    const owner = await openTestDataSource([], asOwner(database.url));
    try {
      for (const [who, refusal] of [[dataSource, /permission denied/], [owner, /append-only/]] as const) {
        await expect(who.query(`UPDATE audit.anchors SET root = $1 WHERE anchor_id = $2`, ['0'.repeat(64), anchor.id])).rejects.toThrow(refusal);
        await expect(who.query(`DELETE FROM audit.anchor_leaves WHERE anchor_id = $1`, [leavesOf])).rejects.toThrow(refusal);
        await expect(who.query(`TRUNCATE audit.anchors CASCADE`)).rejects.toThrow(refusal);
      }
    } finally {
      await owner.destroy();
    }
  });
});
