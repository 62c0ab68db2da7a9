import { RECONCILE_DRAWS_QUEUE, reconcileDrawsRoute } from '@ree/consignment';
import { Projector, ProjectorLogger } from '@ree/event-store';
import { loadConfig } from '@ree/platform/config';
import { JobLedger, JobQueues, JobSweep, Reactor } from '@ree/platform/jobs';
import { MINING_QUOTA_DRAWN, mineStreamId } from '@ree/registry';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:net';
import { createWorkerApp } from '../../apps/worker/src/worker.module';
import { checkpointOf, startAtHead, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

const quiet: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A port that accepts nothing: a listener is opened to find a free one, then closed. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A Redis outage: the events committed while Redis is unreachable all get their jobs
 * afterwards, none twice. PostgreSQL holds them meanwhile (docs/decisions.md 23): the reactor's
 * batches commit, and the sweep enqueues them once Redis is back.
 */
describe('the reactor while Redis is unreachable', () => {
  const suite = useReactorHarness();
  const reactorName = `reactor.redis-outage-test-${randomUUID().slice(0, 8)}`;

  function projectorOn(queues: JobQueues): Projector {
    const reactor = new Reactor(reactorName, [reconcileDrawsRoute(3_600_000)], queues);
    const { store, dataSource } = suite.harness;
    return suite.track(
      new Projector({ store, dataSource, projections: [reactor], lockIntervalMs: 50, initialBackoffMs: 50, maxBackoffMs: 200, logger: quiet }),
    );
  }

  async function draw(mineId: string, n: number) {
    const data = { year: 2025, category: 'light', kgReo: 100, consignmentId: randomUUID(), declarationId: `decl-${n}` };
    return suite.harness.store.appendToStream(mineStreamId(mineId), [
      { type: MINING_QUOTA_DRAWN, data, metadata: { actor: { sub: 'redis-outage-int-spec', role: 'exporter' } } },
    ]);
  }

  it('records the jobs and moves on while Redis refuses them; the sweep then enqueues every one exactly once, due when recorded', async () => {
    const { harness } = suite;
    await startAtHead(harness, reactorName);
    const mineId = randomUUID();

    const unreachable = new JobQueues({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, prefix: harness.prefix, enqueueTimeoutMs: 300 });
    const down = projectorOn(unreachable);
    await down.start();
    // Commands never touch Redis: the draws are committed during the outage.
    const appended = [];
    for (let n = 0; n < 5; n++) appended.push(await draw(mineId, n));
    const last = appended[appended.length - 1].position;
    await eventually(async () => {
      const checkpoint = await checkpointOf(harness, reactorName);
      return checkpoint !== null && harness.store.comparePositions(checkpoint, last) >= 0;
    });
    expect((await down.status())[0].state).toBe('running');
    await down.stop();
    await unreachable.close();

    const expected = appended.flatMap((result) => result.events.map((event) => event.eventId));
    const ledger = new JobLedger(harness.dataSource, harness.prefix);
    const records = await Promise.all(expected.map((jobId) => ledger.find(RECONCILE_DRAWS_QUEUE, jobId)));
    expect(records.map((record) => record?.state)).toEqual(expected.map(() => 'pending'));
    const queue = harness.queues.queue(RECONCILE_DRAWS_QUEUE);
    expect(await Promise.all(expected.map((jobId) => queue.getJob(jobId)))).toEqual(expected.map(() => undefined));

    // Two workers sweeping at once, and again later: each job is on its queue once.
    const sweep = new JobSweep(ledger, harness.queues, () => []);
    await Promise.all([sweep.sweep(), sweep.sweep()]);
    expect((await sweep.sweep()).enqueued).toBe(0);

    const jobs = await queue.getJobs(['delayed', 'wait', 'active', 'completed', 'failed']);
    const ours = jobs.filter((job) => expected.includes(job.id!));
    expect(ours.map((job) => job.id).sort()).toEqual([...expected].sort());
    for (const job of ours) {
      const record = records.find((candidate) => candidate?.jobId === job.id)!;
      expect(job.name).toBe('mining-quota');
      // Due when the reactor recorded it (an hour after the draw was seen), not an hour after the sweep.
      expect(job.delay).toBeLessThan(3_600_000);
      expect(job.timestamp + job.delay).toBeGreaterThanOrEqual(record.dueAt.getTime());
    }
  });

  it('lets the worker stop while Redis is unreachable (its job processor does not wait for Redis)', async () => {
    const redisUrl = `redis://127.0.0.1:${await closedPort()}`;
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' });
    const worker = await createWorkerApp({ config });
    await expect(worker.close()).resolves.toBeUndefined();
  });
});
