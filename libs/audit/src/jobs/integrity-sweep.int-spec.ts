import { createEventStorePool, eventHash, PostgresEventStore, sealChecker, SealKey } from '@ree/event-store';
import { JobQueues } from '@ree/platform/jobs';
import { openTestDataSource, privateTestDatabase, untilReadable } from '@ree/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { signAnchor } from '../anchors/anchor';
import { anchorRows } from '../anchors/anchor-store';
import { AnchorTaker } from '../anchors/anchor-taker';
import type { Finding } from '../anchors/check/findings';
import { keyringOf, testKey } from '../testing/anchors';
import { ensureIntegritySchedule, findingLine, INTEGRITY_SWEEP_QUEUE } from './integrity-sweep-jobs';
import { runIntegritySweep } from './integrity-sweep';
import { sweepRecords } from './sweep-records';

jest.setTimeout(180_000);

describe('the integrity sweep', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  /** The test run's superuser: an intruder with every power, who rewrites events past the trigger. */
  let intruder: DataSource;
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;
  const keyring = keyringOf(testKey());
  const seal: SealKey = { id: 'sweep-spec', secret: randomBytes(32) };
  const actor = { sub: 'integrity-sweep-int-spec', role: 'auditor' };

  // Its own database: it deletes and rewrites events past the append-only trigger.
  beforeAll(async () => {
    database = await privateTestDatabase('integrity_sweep');
    pool = createEventStorePool(database.url, { max: 4, applicationName: 'integrity-sweep-int-spec' });
    store = new PostgresEventStore({ pool, pollIntervalMs: 50, seal });
    dataSource = await openTestDataSource([], database.url);
    intruder = await openTestDataSource([], database.superuserUrl);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await dataSource.destroy();
    await intruder.destroy();
    await database.drop();
  });

  async function stream(kind: string, count: number): Promise<string> {
    const streamId = `${kind}-${randomUUID()}`;
    const { position } = await store.appendToStream(streamId, Array.from({ length: count }, (_, n) => ({ type: 'StepRecorded', data: { n }, metadata: { actor } })));
    await untilReadable(store, position);
    return streamId;
  }

  /** Changes rows past the append-only trigger, as an intruder with a superuser's rights would. */
  async function tamper(sql: string, parameters: unknown[]): Promise<void> {
    await intruder.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(sql, parameters);
    });
  }

  it('finds nothing in a sound store, then names every broken chain and what the latest anchor no longer finds, once per job', async () => {
    const [deleted, changedLater, untouched] = [await stream('licence', 3), await stream('mine', 2), await stream('consignment', 2)];
    await new AnchorTaker(dataSource, keyring).take();
    const clean = await runIntegritySweep(dataSource, store, keyring.keys, { jobId: `clean-${randomUUID()}` });
    expect(clean).toMatchObject({ consistent: true, streams: 3, events: 7, findings: [] });

    // A stream the anchor covers is deleted; another gets an event after the anchor, then has it changed.
    await tamper(`DELETE FROM event_store.events WHERE stream_id = $1`, [deleted]);
    await store.appendToStream(changedLater, [{ type: 'StepRecorded', data: { n: 2 }, metadata: { actor } }]);
    await tamper(`UPDATE event_store.events SET data = '{"n": 99}' WHERE stream_id = $1 AND revision = 2`, [changedLater]);
    const lines: string[] = [];
    const jobId = `sweep-${randomUUID()}`;
    const sweep = await runIntegritySweep(dataSource, store, keyring.keys, { jobId, onFinding: (finding, sweepId) => lines.push(findingLine(sweepId, finding)) });
    expect(sweep.consistent).toBe(false);
    const named = sweep.findings.filter((finding) => finding.streamId !== undefined);
    expect(named).toHaveLength(2);
    expect(named).toEqual(
      expect.arrayContaining([
        expect.objectContaining<Partial<Finding>>({ kind: 'stream-missing', streamId: deleted, revision: 0 }),
        expect.objectContaining<Partial<Finding>>({ kind: 'chain-broken', streamId: changedLater, revision: 2 }),
      ]),
    );
    expect(sweep.findings).toContainEqual(expect.objectContaining({ kind: 'log-changed' }));
    expect(named.map((finding) => finding.streamId)).not.toContain(untouched);
    expect(lines).toContain(`Integrity sweep ${sweep.sweepId}: chain-broken ${changedLater} revision 2: ${changedLater}: the link at revision 2 does not hold (hash)`);
    expect(lines).toHaveLength(sweep.findings.length);

    // A row forged into audit.anchors, newer than the real one, does not take its place: it is reported, and the real one checked.
    const real = (await anchorRows.latest(dataSource))!;
    const stranger = testKey();
    const { id: _id, signature: _signature, ...body } = real.anchor;
    const forged = { ...body, keyId: stranger.keyId, takenAt: new Date().toISOString() };
    await anchorRows.insert(dataSource, { anchor: { ...forged, id: randomUUID(), signature: signAnchor(forged, stranger.privateKey) }, leavesOf: real.leavesOf }, []);
    const blinded = await runIntegritySweep(dataSource, store, keyring.keys);
    expect(blinded.anchorId).toBe(real.anchor.id);
    expect(blinded.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'signature-invalid' }), ...named.map((finding) => expect.objectContaining(finding))]));

    // Run again (a retried job): the sweep it recorded, not a second one.
    expect(await runIntegritySweep(dataSource, store, keyring.keys, { jobId })).toEqual(sweep);
    expect((await sweepRecords.latest(dataSource, 5)).filter((record) => record.jobId === jobId)).toEqual([sweep]);
  });

  it('keeps one schedule on the cron pattern, and puts it back when Redis lost it', async () => {
    const queues = new JobQueues({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: `ree-test-${randomUUID().slice(0, 8)}` });
    const queue = queues.queue(INTEGRITY_SWEEP_QUEUE);
    try {
      expect(await ensureIntegritySchedule(queue, '0 2 * * *')).toBe(true);
      expect(await ensureIntegritySchedule(queue, '0 2 * * *')).toBe(false);
      const scheduler = await queue.getJobScheduler(INTEGRITY_SWEEP_QUEUE);
      expect(scheduler).toMatchObject({ pattern: '0 2 * * *', tz: 'UTC' });
      expect(new Date(scheduler!.next!).toISOString()).toMatch(/T02:00:00\.000Z$/);
      await queue.obliterate({ force: true });
      expect(await ensureIntegritySchedule(queue, '0 2 * * *')).toBe(true);
    } finally {
      await queue.obliterate({ force: true });
      await queues.close();
    }
  });
  it('with the seal keys, names an event re-hashed by the public algorithm, which the public chain alone cannot see', async () => {
    const streamId = await stream('licence', 2);
    const [first, second] = await store.readStream(streamId, { raw: true });
    // The forger rewrites the last event's data and recomputes its hash; the seal, a MAC with a key it lacks, stays.
    const { hash: _hash, ...metadata } = second.metadata;
    const forged = { ...second, data: { n: 99 }, metadata };
    const hash = eventHash({ ...forged, metadata: { ...metadata, prevHash: first.metadata.hash } });
    await tamper(`UPDATE event_store.events SET data = $2, metadata = $3 WHERE event_id = $1`, [second.eventId, forged.data, { ...metadata, hash }]);

    const unsealed = await runIntegritySweep(dataSource, store, keyring.keys);
    expect(unsealed.findings.filter((finding) => finding.streamId === streamId)).toEqual([]);
    const sealed = await runIntegritySweep(dataSource, store, keyring.keys, { sealHolds: sealChecker([seal]) });
    expect(sealed.findings).toContainEqual(expect.objectContaining({ kind: 'chain-broken', streamId, revision: 1, detail: expect.stringContaining('(seal)') }));
  });
});
