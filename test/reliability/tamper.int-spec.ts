import { checkConsignmentIntegrity, GetConsignmentHistoryHandler, GetConsignmentHistoryQuery, MalformedEvent, verifyStream } from '@ree/audit';
import { consignmentStreamId } from '@ree/consignment';
import { createEventStorePool, GENESIS_HASH, PostgresEventStore, sealChecker, SealKey, verifyChain } from '@ree/event-store';
import { licenceStreamId } from '@ree/licensing';
import { loadConfig } from '@ree/platform/config';
import { mineStreamId } from '@ree/registry';
import { NotFound, RecordedEvent } from '@ree/shared-kernel';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { privateTestDatabase } from '@ree/testing';
import { insertForgedEvent, queryAsIntruder, rewriteAndRehash, tamperWithEvents } from '../support/tamper';

/**
 * The tamper case (docs/operations.md, "Security"): event rows changed, deleted or inserted straight in the database by a
 * superuser, past the append-only trigger; the integrity check names the stream, the first broken
 * revision and why. What the chain alone cannot see (a deleted tail, a whole stream deleted, an
 * event forged at an old position) is the anchors' (test/reliability/anchors-tamper.int-spec.ts).
 */
describe('tampering with stored events', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const actor = { sub: 'exporter-tamper', role: 'exporter', org: 'org-tamper' };
  const key: SealKey = { id: 'tamper', secret: randomBytes(32) };
  const sealHolds = sealChecker([key]);

  // Its own database: rewritten rows and events no command writes must not meet the shared one's later replays.
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  beforeAll(async () => {
    database = await privateTestDatabase('tamper');
    pool = createEventStorePool(database.url, { max: 4, applicationName: 'tamper-int-spec' });
    store = new PostgresEventStore({ pool, seal: key });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  /** A consignment sourced from a mine and attached to a licence, each stream a few events long. */
  async function aConsignment(mineEvents = 3) {
    const [consignmentId, licenceId, mineId] = [randomUUID(), randomUUID(), randomUUID()];
    const streams = { consignment: consignmentStreamId(consignmentId), licence: licenceStreamId(licenceId), mine: mineStreamId(mineId) };
    const append = (streamId: string, type: string, data: object) =>
      store.appendToStream(streamId, [{ type, data, metadata: { actor, correlationId: randomUUID(), causationId: randomUUID() } }]);
    await append(streams.mine, 'MineRegistered', { mineId, name: 'Bayan Obo' });
    for (let n = 1; n < mineEvents; n++) await append(streams.mine, 'MiningQuotaAllocated', { year: 2025, category: 'light', kg: 1000 * n });
    await append(streams.licence, 'LicenceApplied', { licenceId, quantityKg: 20_000 });
    await append(streams.consignment, 'ConsignmentRegistered', { consignmentId, quantityKg: 12_000 });
    await append(streams.consignment, 'MiningSourceDeclared', { declarationId: randomUUID(), mineId, kgReo: 14_000 });
    await append(streams.licence, 'LicenceApproved', { validUntil: '2099-12-31' });
    await append(streams.licence, 'LicenceQuantityAllocated', { consignmentId, kg: 12_000 });
    await append(streams.consignment, 'LicenceAttached', { licenceId, allocatedKg: 12_000 });
    return { consignmentId, streams };
  }

  const check = (consignmentId: string) => checkConsignmentIntegrity(store, consignmentId, {}, { sealHolds });
  const brokenOf = async (consignmentId: string) => (await check(consignmentId)).streams.filter((stream) => stream.firstBrokenRevision !== undefined);
  const raw = (streamId: string): Promise<RecordedEvent[]> => store.readStream(streamId, { raw: true });
  /** One UPDATE of one revision past the trigger; fails the test unless exactly that row changed. */
  const tamper = async (set: string, streamId: string, revision: number, ...values: unknown[]) =>
    expect(await tamperWithEvents(pool, `UPDATE event_store.events SET ${set} WHERE stream_id = $1 AND revision = $2`, [streamId, revision, ...values])).toBe(1);

  it('finds every chain of an untouched consignment whole, seals included: its own, its mine’s and its licence’s', async () => {
    const { consignmentId, streams } = await aConsignment();
    const integrity = await check(consignmentId);
    expect(integrity.valid).toBe(true);
    expect(integrity.streams.map(({ streamId, events }) => [streamId, events])).toEqual([
      [streams.consignment, 3],
      [streams.mine, 3],
      [streams.licence, 3],
    ]);
    const [head] = await store.readStream(streams.licence, { fromRevision: 2, raw: true });
    expect(integrity.streams[2].headHash).toBe(head.metadata.hash);
  });

  it.each([
    ['its data', `data = jsonb_set(data, '{kg}', '6000')`],
    ['its type', `type = 'LicenceQuantityReleased'`],
    ['its schema version', 'schema_version = 2'],
    ['its time', `recorded_at = recorded_at + interval '1 millisecond'`],
    ['its actor', `metadata = jsonb_set(metadata, '{actor,sub}', '"someone-else"')`],
    ['its correlationId', `metadata = jsonb_set(metadata, '{correlationId}', to_jsonb(gen_random_uuid()::text))`],
    ['its causationId', `metadata = jsonb_set(metadata, '{causationId}', 'null')`],
    ['a metadata key added', `metadata = metadata || '{"approvedBy": "director"}'`],
    ['its position', 'position = position + 1'],
    ['its transaction id', `transaction_id = (transaction_id::text::bigint + 1)::text::xid8`],
    ['its event id', 'event_id = gen_random_uuid()'],
    ['its stored hash', `metadata = jsonb_set(metadata, '{hash}', to_jsonb(repeat('f', 64)))`],
  ])('names the stream and revision of an event whose %s was changed', async (_, set) => {
    const { consignmentId, streams } = await aConsignment();
    await tamper(set, streams.licence, 2);
    expect(await brokenOf(consignmentId)).toEqual([{ streamId: streams.licence, events: 3, headHash: expect.any(String), firstBrokenRevision: 2, reason: 'hash' }]);
  });

  it('names the re-hashed event by its seal, and the public chain alone names the next one: its prevHash no longer matches', async () => {
    const { consignmentId, streams } = await aConsignment();
    const stored = await raw(streams.consignment);
    // Only revision 1 is re-hashed: the stream handed over ends there, so revision 2 keeps its prevHash.
    await rewriteAndRehash(pool, stored.slice(0, 2), 1, (event) => ({ ...event, data: { ...(event.data as object), kgReo: 20_000 } }));
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.consignment, firstBrokenRevision: 1, reason: 'seal' })]);
    expect(await verifyStream(store, streams.consignment)).toMatchObject({ firstBrokenRevision: 2, reason: 'prev-hash' });
  });

  it('names a revision rewritten with every later hash recomputed by the public algorithm: the hashes hold, the seal does not', async () => {
    const { consignmentId, streams } = await aConsignment(5);
    const stored = await raw(streams.mine);
    const rewritten = await rewriteAndRehash(pool, stored, 2, (event) => ({ ...event, data: { ...(event.data as object), kg: 999_000 } }));
    expect(rewritten.map((event) => event.revision)).toEqual([2, 3, 4]);
    // The public chain alone holds again: only the seal (a key the database never holds) or an anchor shows it.
    expect(verifyChain(await raw(streams.mine))).toMatchObject({ valid: true, events: 5 });
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.mine, firstBrokenRevision: 2, reason: 'seal' })]);
  });

  it('names an event forged at the head of a stream with a valid hash but no seal', async () => {
    const { consignmentId, streams } = await aConsignment();
    const [head] = await store.readStream(streams.licence, { fromRevision: 2, raw: true });
    // The head's append wrote one event in its transaction: the next position of its block is free.
    const position = String(BigInt(head.position) + 1n);
    const { seal: _seal, ...metadata } = head.metadata;
    await insertForgedEvent(pool, {
      ...head,
      eventId: randomUUID(),
      revision: 3,
      position,
      type: 'LicenceQuantityAllocated',
      data: { consignmentId: randomUUID(), kg: 8_000 },
      metadata: { ...metadata, prevHash: head.metadata.hash },
    });
    expect(verifyChain(await raw(streams.licence)).valid).toBe(true);
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.licence, events: 4, firstBrokenRevision: 3, reason: 'seal' })]);
  });

  it('names the missing revision of events deleted from the middle of a stream', async () => {
    const { consignmentId, streams } = await aConsignment(5);
    expect(await tamperWithEvents(pool, 'DELETE FROM event_store.events WHERE stream_id = $1 AND revision IN (1, 2)', [streams.mine])).toBe(2);
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.mine, firstBrokenRevision: 1, events: 3, reason: 'revision-gap' })]);
  });

  it.each([
    ['a string', `'"x"'`],
    ['null', `'null'`],
    ['an empty object', `'{}'`],
    ['an actor of another shape', `jsonb_set(metadata, '{actor}', '[1, 2]')`],
  ])('names an event whose metadata was edited into %s, in the integrity check and as a 409 in the history', async (_, metadata) => {
    const { consignmentId, streams } = await aConsignment();
    await tamper(`metadata = ${metadata}`, streams.consignment, 1);
    const [broken] = await brokenOf(consignmentId);
    expect(broken).toMatchObject({ streamId: streams.consignment, firstBrokenRevision: 1 });
    expect(['malformed', 'hash']).toContain(broken.reason);
    const history = new GetConsignmentHistoryHandler(store, loadConfig({ NODE_ENV: 'test' }));
    const refusal = await history.execute(new GetConsignmentHistoryQuery(consignmentId, {})).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MalformedEvent);
    expect((refusal as MalformedEvent).getStatus()).toBe(409);
    expect((refusal as MalformedEvent).getResponse()).toMatchObject({
      code: 'record-malformed',
      detail: expect.stringContaining(`revision 1 of stream ${streams.consignment}`),
    });
  });

  it('answers the history as a 409 naming the event whose data the fold cannot take, never a 500', async () => {
    const { consignmentId, streams } = await aConsignment();
    await tamper(`data = '"not an object"'`, streams.consignment, 0);
    const history = new GetConsignmentHistoryHandler(store, loadConfig({ NODE_ENV: 'test' }));
    const refusal = await history.execute(new GetConsignmentHistoryQuery(consignmentId, {})).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(MalformedEvent);
    expect((refusal as MalformedEvent).message).toBeDefined();
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.consignment, firstBrokenRevision: 0, reason: 'hash' })]);
  });

  it('answers, page by page, what one whole read answers, and goes on from a slice', async () => {
    const { streams } = await aConsignment(9);
    await tamperWithEvents(pool, 'DELETE FROM event_store.events WHERE stream_id = $1 AND revision = 6', [streams.mine]);
    const progress: number[] = [];
    const paged = await verifyStream(store, streams.mine, { pageSize: 2, onProgress: (_, events) => progress.push(events) });
    expect(paged).toEqual(await verifyStream(store, streams.mine));
    expect(paged).toMatchObject({ events: 8, firstBrokenRevision: 6 });
    expect(progress).toEqual([2, 4, 6, 8]);

    const first = await verifyStream(store, streams.mine, { maxCount: 5 });
    expect(first).toMatchObject({ events: 5, nextRevision: 5 });
    expect(first.firstBrokenRevision).toBeUndefined();
    const rest = await verifyStream(store, streams.mine, { fromRevision: 5, maxCount: 5 });
    expect(rest).toMatchObject({ events: 3, firstBrokenRevision: 6, headHash: paged.headHash });
    expect(rest.nextRevision).toBeUndefined();
  });

  it('calls a stream drawn on with every row deleted broken at revision 0, never valid', async () => {
    const { consignmentId, streams } = await aConsignment();
    await tamperWithEvents(pool, 'DELETE FROM event_store.events WHERE stream_id = $1', [streams.licence]);
    expect(await brokenOf(consignmentId)).toEqual([{ streamId: streams.licence, events: 0, headHash: GENESIS_HASH, firstBrokenRevision: 0, reason: 'no-events' }]);
  });

  it('answers 404 for a consignment whose own events were all deleted, pointing at an anchor check', async () => {
    const { consignmentId, streams } = await aConsignment();
    await tamperWithEvents(pool, 'DELETE FROM event_store.events WHERE stream_id = $1', [streams.consignment]);
    const refusal = await check(consignmentId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(NotFound);
    expect((refusal as NotFound).message).toMatch(/never registered, or every event of it was deleted.*anchor/);
  });

  it('leaves the append-only trigger in force after a tampering test', async () => {
    const { streams } = await aConsignment();
    await tamperWithEvents(pool, 'UPDATE event_store.events SET type = type WHERE stream_id = $1 AND revision = 0', [streams.mine]);
    await expect(queryAsIntruder(pool, 'DELETE FROM event_store.events WHERE stream_id = $1', [streams.mine])).rejects.toThrow(/append-only/);
    await expect(tamperWithEvents(pool, 'UPDATE event_store.events SET nothing = 1', [])).rejects.toThrow();
    await expect(queryAsIntruder(pool, 'UPDATE event_store.events SET type = type WHERE stream_id = $1', [streams.mine])).rejects.toThrow(/append-only/);
  });
});
