import { CONSIGNMENT_REGISTERED, consignmentStreamId, DrawReconciler, RECONCILE_DRAWS_QUEUE, ReconcileDrawJob, reconcileDrawsRoute } from '@ree/consignment';
import { Projector } from '@ree/event-store';
import { createJobWorker, Reactor } from '@ree/platform/jobs';
import {
  drawMiningQuota,
  MINE_REGISTERED,
  MineEvent,
  mineStreamId,
  MINING_QUOTA_ALLOCATED,
  MINING_QUOTA_DRAWN,
  MINING_QUOTA_RETURNED,
} from '@ree/registry';
import { type CommandContext, RecordedEvent } from '@ree/shared-kernel';
import type { Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DeclareMiningSourceCommand, DeclareMiningSourceHandler, MineReservations } from '@ree/consignment/testing/commands';
import { registration, source } from '@ree/consignment/testing/consignment-events';
import { checkpointOf, REDIS_URL, startAtHead, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

/** How long after a draw the job looks in these tests: long enough for a live request, short for a test. */
const RECONCILE_AFTER_MS = 300;

const exporter: CommandContext = {
  actor: { sub: 'reconciliation-int-spec', role: 'exporter', org: registration.exporterOrg },
  correlationId: 'reconciliation-int-spec',
  now: new Date('2025-03-01T09:00:00Z'),
  idempotencyKey: 'declaration-1',
};

describe('the reconciliation of orphaned draws, against PostgreSQL and Redis', () => {
  const suite = useReactorHarness();
  let worker: Worker<ReconcileDrawJob>;
  let projector: Projector;
  const reactorName = `reactor.reconcile-draws-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const { harness } = suite;
    await startAtHead(harness, reactorName);
    const reconciler = new DrawReconciler(harness.store);
    worker = createJobWorker<ReconcileDrawJob>(RECONCILE_DRAWS_QUEUE, (job) => reconciler.reconcile(job.data, job.id!), {
      redisUrl: REDIS_URL,
      prefix: harness.prefix,
    });
  });
  afterAll(() => worker.close());

  async function startReactor(): Promise<void> {
    const { harness } = suite;
    const reactor = new Reactor(reactorName, [reconcileDrawsRoute(RECONCILE_AFTER_MS)], harness.queues);
    projector = suite.track(new Projector({ store: harness.store, dataSource: harness.dataSource, projections: [reactor], lockIntervalMs: 50 }));
    await projector.start();
  }

  async function mineWithQuota(): Promise<string> {
    const mineId = randomUUID();
    const events: MineEvent[] = [
      {
        type: MINE_REGISTERED,
        data: { mineId, name: 'Bayan Obo', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' },
      },
      { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'a1', year: 2025, category: 'light', quotaKgReo: 50_000 } },
    ];
    const actor = { sub: 'officer', role: 'licensing-officer' };
    await suite.harness.store.appendToStream(mineStreamId(mineId), events.map((event) => ({ ...event, metadata: { actor } })));
    return mineId;
  }

  async function registeredConsignment(): Promise<string> {
    const consignmentId = randomUUID();
    await suite.harness.store.appendToStream(consignmentStreamId(consignmentId), [
      { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId }, metadata: { actor: exporter.actor } },
    ]);
    return consignmentId;
  }

  async function mineEvents(mineId: string): Promise<readonly RecordedEvent[]> {
    return suite.harness.store.readStream(mineStreamId(mineId));
  }

  async function jobFinished(jobId: string): Promise<boolean> {
    const job = await suite.harness.queues.queue(RECONCILE_DRAWS_QUEUE).getJob(jobId);
    return job?.finishedOn !== undefined;
  }

  function declaration(consignmentId: string, mineId: string, declarationId: string, key = exporter.idempotencyKey) {
    const operationId = `${exporter.actor.sub}:${key}:consignment/${consignmentId}/mining-sources`;
    const command = new DeclareMiningSourceCommand(consignmentId, { ...source(declarationId, 4_000), mineId }, operationId, { ...exporter, idempotencyKey: key });
    return { command, operationId };
  }

  it('returns the draw of a half-done declaration, leaves a completed one alone, and refuses the late declaration', async () => {
    await startReactor();
    const { store } = suite.harness;
    const mines = new MineReservations(store);
    const handler = new DeclareMiningSourceHandler(store, mines);
    const mineId = await mineWithQuota();
    const [halfDone, completed] = [await registeredConsignment(), await registeredConsignment()];

    // A crash after the draw: the handler's first append, exactly as it makes it, and nothing on the consignment.
    const orphan = declaration(halfDone, mineId, 'decl-orphan');
    const { source: orphanSource } = orphan.command;
    const draw = { mineId, year: 2025, category: 'light' as const, kgReo: orphanSource.kgReo, consignmentId: halfDone, declarationId: 'decl-orphan' };
    await mines.decide(mineId, (mine) => drawMiningQuota(draw, mine), orphan.operationId, exporter);
    await handler.execute(declaration(completed, mineId, 'decl-complete').command);

    const draws = (await mineEvents(mineId)).filter((event) => event.type === MINING_QUOTA_DRAWN);
    expect(draws).toHaveLength(2);
    for (const drawn of draws) await eventually(() => jobFinished(drawn.eventId));

    const returns = (await mineEvents(mineId)).filter((event) => event.type === MINING_QUOTA_RETURNED);
    const { mineId: _onTheStream, ...drawn } = draw;
    expect(returns.map((event) => event.data)).toEqual([{ ...drawn, reason: 'orphaned-draw' }]);
    expect(returns[0].metadata.actor).toEqual({ sub: 'consignment.reconcile-draws', role: 'system' });
    expect(returns[0].metadata.causationId).toBe(draws[0].eventId);

    // The client retries with its key after the return: refused, not recorded against a returned draw.
    await expect(handler.execute(orphan.command)).rejects.toMatchObject({ code: 'reservation-expired' });
    expect(await store.readStream(consignmentStreamId(halfDone))).toHaveLength(1);
    // Declared again with a new key, it draws afresh.
    await handler.execute(declaration(halfDone, mineId, 'decl-again', 'declaration-2').command);
    const after = await mineEvents(mineId);
    expect(after.filter((event) => event.type === MINING_QUOTA_DRAWN)).toHaveLength(3);
  });

  it('returns an orphaned draw once when its job runs twice', async () => {
    const { store } = suite.harness;
    const mineId = await mineWithQuota();
    const consignmentId = await registeredConsignment();
    const job: ReconcileDrawJob = { kind: 'mining-quota', mineId, year: 2025, category: 'light', consignmentId, declarationId: 'decl-twice' };
    const draw = { mineId, year: 2025, category: 'light' as const, kgReo: 1_000, consignmentId, declarationId: 'decl-twice' };
    await new MineReservations(store).decide(mineId, (mine) => drawMiningQuota(draw, mine), `twice:${consignmentId}`, exporter);

    const reconciler = new DrawReconciler(store);
    const outcomes = await Promise.all([reconciler.reconcile(job, randomUUID()), reconciler.reconcile(job, randomUUID())]);
    expect(outcomes.sort()).toEqual(['kept', 'returned']);
    expect((await mineEvents(mineId)).filter((event) => event.type === MINING_QUOTA_RETURNED)).toHaveLength(1);
  });

  it('enqueues nothing twice when the reactor is replayed from zero', async () => {
    const { harness } = suite;
    await worker.close();
    const queue = harness.queues.queue(RECONCILE_DRAWS_QUEUE);
    const mineId = await mineWithQuota();
    const consignmentId = await registeredConsignment();
    const draw = { mineId, year: 2025, category: 'light' as const, kgReo: 500, consignmentId, declarationId: 'decl-replayed' };
    const position = await new MineReservations(harness.store).decide(mineId, (mine) => drawMiningQuota(draw, mine), `replay:${consignmentId}`, exporter);
    await eventually(async () => {
      const checkpoint = await checkpointOf(harness, reactorName);
      return checkpoint !== null && harness.store.comparePositions(checkpoint, position!) >= 0;
    });
    const drawEvent = (await mineEvents(mineId)).find((event) => event.type === MINING_QUOTA_DRAWN)!;
    const before = await queue.getJob(drawEvent.eventId);
    const jobsBefore = await queue.getJobs(['delayed', 'wait', 'completed', 'failed', 'active']);

    await projector.rebuild(reactorName);

    const after = await queue.getJob(drawEvent.eventId);
    expect(after?.timestamp).toBe(before?.timestamp);
    const jobsAfter = await queue.getJobs(['delayed', 'wait', 'completed', 'failed', 'active']);
    const ids = jobsAfter.map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const job of jobsBefore) expect(ids).toContain(job.id);
    const replayedOwn = jobsAfter.filter((job) => jobsBefore.some((earlier) => earlier.id === job.id));
    expect(replayedOwn.map((job) => job.timestamp).sort()).toEqual(jobsBefore.map((job) => job.timestamp).sort());
  });
});
