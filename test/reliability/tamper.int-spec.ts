import { checkConsignmentIntegrity, verifyStream } from '@ree/audit';
import { consignmentStreamId } from '@ree/consignment';
import { createEventStorePool, eventHash, GENESIS_HASH, PostgresEventStore } from '@ree/event-store';
import { licenceStreamId } from '@ree/licensing';
import { mineStreamId } from '@ree/registry';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { privateTestDatabase } from '@ree/testing';
import { queryAsIntruder, tamperWithEvents } from '../support/tamper';

/**
 * QUALITY.md "tamper": an event row changed or deleted straight in the database, past the
 * append-only trigger; the integrity check names the stream and the first broken revision.
 */
describe('tampering with stored events', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const actor = { sub: 'exporter-tamper', role: 'exporter', org: 'org-tamper' };

  // Its own database: rewritten rows and events no command writes must not meet the shared one's later replays.
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  beforeAll(async () => {
    database = await privateTestDatabase('tamper');
    pool = createEventStorePool(database.url, { max: 4, applicationName: 'tamper-int-spec' });
    store = new PostgresEventStore({ pool });
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
    const append = (streamId: string, type: string, data: object) => store.appendToStream(streamId, [{ type, data, metadata: { actor } }]);
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

  const brokenOf = async (consignmentId: string) =>
    (await checkConsignmentIntegrity(store, consignmentId)).streams.filter((stream) => stream.firstBrokenRevision !== undefined);

  it('finds every chain of an untouched consignment whole: its own, its mine’s and its licence’s', async () => {
    const { consignmentId, streams } = await aConsignment();
    const integrity = await checkConsignmentIntegrity(store, consignmentId);
    expect(integrity.valid).toBe(true);
    expect(integrity.streams.map(({ streamId, events }) => [streamId, events])).toEqual([
      [streams.consignment, 3],
      [streams.mine, 3],
      [streams.licence, 3],
    ]);
    const [head] = await store.readStream(streams.licence, { fromRevision: 2, raw: true });
    expect(integrity.streams[2].headHash).toBe(head.metadata.hash);
  });

  it('names the stream and the revision of an event whose data was changed', async () => {
    const { consignmentId, streams } = await aConsignment();
    const changed = await tamperWithEvents(
      pool,
      `UPDATE event_store.events SET data = jsonb_set(data, '{kg}', '6000') WHERE stream_id = $1 AND revision = 2`,
      [streams.licence],
    );
    expect(changed).toBe(1);
    const integrity = await checkConsignmentIntegrity(store, consignmentId);
    expect(integrity.valid).toBe(false);
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.licence, firstBrokenRevision: 2, events: 3 })]);
  });

  it('names the missing revision of a deleted event', async () => {
    const { consignmentId, streams } = await aConsignment(4);
    expect(await tamperWithEvents(pool, 'DELETE FROM event_store.events WHERE stream_id = $1 AND revision = 1', [streams.mine])).toBe(1);
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.mine, firstBrokenRevision: 1, events: 3 })]);
  });

  it('names an event whose stored hash was replaced', async () => {
    const { consignmentId, streams } = await aConsignment();
    await tamperWithEvents(pool, `UPDATE event_store.events SET metadata = jsonb_set(metadata, '{hash}', to_jsonb($2::text)) WHERE stream_id = $1 AND revision = 1`, [
      streams.consignment,
      'f'.repeat(64),
    ]);
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.consignment, firstBrokenRevision: 1 })]);
  });

  it('names the next event when a forger recomputed the changed event’s own hash: its prevHash no longer matches', async () => {
    const { consignmentId, streams } = await aConsignment();
    const [original] = await store.readStream(streams.consignment, { fromRevision: 1, maxCount: 1, raw: true });
    const forged = { ...original, data: { ...(original.data as object), kgReo: 20_000 } };
    const hash = eventHash(original.metadata.prevHash, { ...forged, actor: original.metadata.actor });
    await tamperWithEvents(
      pool,
      `UPDATE event_store.events SET data = $2::jsonb, metadata = jsonb_set(metadata, '{hash}', to_jsonb($3::text)) WHERE stream_id = $1 AND revision = 1`,
      [streams.consignment, JSON.stringify(forged.data), hash],
    );
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.consignment, firstBrokenRevision: 2 })]);
  });

  it('names the actor rewritten in the metadata, which the hash covers', async () => {
    const { consignmentId, streams } = await aConsignment();
    await tamperWithEvents(pool, `UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor,sub}', '"someone-else"') WHERE stream_id = $1 AND revision = 0`, [
      streams.licence,
    ]);
    expect(await brokenOf(consignmentId)).toEqual([expect.objectContaining({ streamId: streams.licence, firstBrokenRevision: 0 })]);
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

  it('calls a stream with every row deleted broken at revision 0', async () => {
    const { consignmentId, streams } = await aConsignment();
    await tamperWithEvents(pool, 'DELETE FROM event_store.events WHERE stream_id = $1', [streams.licence]);
    expect(await brokenOf(consignmentId)).toEqual([{ streamId: streams.licence, events: 0, headHash: GENESIS_HASH, firstBrokenRevision: 0 }]);
  });

  it('leaves the append-only trigger in force after a tampering test', async () => {
    const { streams } = await aConsignment();
    await tamperWithEvents(pool, 'UPDATE event_store.events SET type = type WHERE stream_id = $1 AND revision = 0', [streams.mine]);
    await expect(queryAsIntruder(pool, 'DELETE FROM event_store.events WHERE stream_id = $1', [streams.mine])).rejects.toThrow(/append-only/);
    await expect(tamperWithEvents(pool, 'UPDATE event_store.events SET nothing = 1', [])).rejects.toThrow();
    await expect(queryAsIntruder(pool, 'UPDATE event_store.events SET type = type WHERE stream_id = $1', [streams.mine])).rejects.toThrow(/append-only/);
  });
});
