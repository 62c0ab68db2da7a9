import { ensureSchedule, TAKE_ANCHOR_QUEUE } from '@ree/audit';
import { CONSIGNMENT_FLAGGED, CONSIGNMENT_REGISTERED, consignmentStreamId, DrawReconciler, RECONCILE_DRAWS_QUEUE, reconcileDrawsRoute, SHIPMENT_DEPARTED } from '@ree/consignment';
import { Projector } from '@ree/event-store';
import { EXPIRE_LICENCES_QUEUE, expireLicencesRoute, LICENCE_APPROVED, LICENCE_EXPIRED, LicenceExpirer, licenceStreamId, processExpiryJob } from '@ree/licensing';
import { createJobWorker, JobLedger, JobSweep, Reactor } from '@ree/platform/jobs';
import { MINE_REGISTERED, mineStreamId, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED } from '@ree/registry';
import { DEADLINE_FLAGS_QUEUE, DeadlineFlagger, deadlineFlagsRoute, processDeadlineFlagJob } from '@ree/compliance';
import { flagPolicy } from '@ree/review';
import { RecordedEvent } from '@ree/shared-kernel';
import type { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { application, issued } from '@ree/licensing/testing/licence-events';
import { registration, released, shipmentDeclared } from '@ree/consignment/testing/consignment-events';
import { REDIS_URL, startAtHead, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

const actor = { sub: 'redis-data-loss-int-spec', role: 'licensing-officer' };
const policy = flagPolicy({ arrivalDueDays: 1, endUseCheckDueDays: 1 });
/** Deadline and reconciliation jobs are due this long after their event is seen; expiries at once (overdue by the sweep). */
const DUE_AFTER_MS = 4_000;
const EACH = 4;
const ANCHOR_EVERY_MS = 3_600_000;

/** The fault: Redis restarted without persistence while delayed jobs are pending. Afterwards each job runs exactly once. */
describe('Redis loses every key while jobs are pending', () => {
  const suite = useReactorHarness();
  const owned = new Set<string>();
  const workers: Worker[] = [];
  let redis: Redis;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await wipe();
    redis.disconnect();
  });

  /** What a restart of a Redis without persistence does to this run: every key of its prefix gone. */
  async function wipe(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${suite.harness.prefix}:*`, 'COUNT', 1_000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async function append(streamId: string, events: ReadonlyArray<{ type: string; data: unknown }>): Promise<readonly RecordedEvent[]> {
    const result = await suite.harness.store.appendToStream(streamId, events.map((event) => ({ ...event, metadata: { actor } })));
    return result.events;
  }

  /** An issued licence whose validity is over: its expiry job is due when seen. Answers the approval (the job's id). */
  async function expiredLicence(): Promise<RecordedEvent> {
    const licenceId = randomUUID();
    owned.add(licenceId);
    const events = await append(licenceStreamId(licenceId), issued.map((event) => (event.type === 'LicenceApplied' ? { ...event, data: { ...application, licenceId } } : event)));
    return events.find((event) => event.type === LICENCE_APPROVED)!;
  }

  /** A consignment that departed long ago and never arrived. Answers the departure. */
  async function lostShipment(): Promise<RecordedEvent> {
    const consignmentId = randomUUID();
    owned.add(consignmentId);
    const departure = { type: SHIPMENT_DEPARTED, data: { departedAt: '2025-06-01T08:00:00.000Z', vesselOrFlight: 'COSCO Aries' } };
    const events = await append(consignmentStreamId(consignmentId), [{ type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } }, shipmentDeclared, released, departure]);
    return events[events.length - 1];
  }

  /** A quota drawn for a consignment that never declared it. Answers the draw. */
  async function orphanedDraw(): Promise<RecordedEvent> {
    const mineId = randomUUID();
    const consignmentId = randomUUID();
    owned.add(consignmentId);
    await append(consignmentStreamId(consignmentId), [{ type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } }]);
    const events = await append(mineStreamId(mineId), [
      { type: MINE_REGISTERED, data: { mineId, name: 'Bayan Obo', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' } },
      { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'a1', year: 2025, category: 'light', quotaKgReo: 50_000 } },
      { type: MINING_QUOTA_DRAWN, data: { year: 2025, category: 'light', kgReo: 1_000, consignmentId, declarationId: `decl-${consignmentId}` } },
    ]);
    return events[events.length - 1];
  }

  /** A worker on `queue` that runs this suite's jobs, records every run, and leaves other suites' alone. */
  function startWorker<Data>(queue: string, subjectOf: (data: Data) => string, run: (job: Job<Data>, token?: string) => Promise<unknown>): void {
    const { harness } = suite;
    const process = async (job: Job<Data>, token?: string) => (owned.has(subjectOf(job.data)) ? run(job, token) : 'another suite’s');
    workers.push(createJobWorker<Data>(queue, process, { redisUrl: REDIS_URL, prefix: harness.prefix, ledger: new JobLedger(harness.dataSource, harness.prefix) }));
  }

  const effects = async (streamId: string, type: string, causationId: string) =>
    (await suite.harness.store.readStream(streamId)).filter((event) => event.type === type && event.metadata.causationId === causationId);

  it('runs every job the events call for exactly once, when due or at once if overdue, and has the anchor schedule back, after one sweep', async () => {
    const { harness } = suite;
    const ledger = new JobLedger(harness.dataSource, harness.prefix);
    const reactors = [
      new Reactor(`reactor.data-loss-expiry-${randomUUID().slice(0, 8)}`, [expireLicencesRoute(0)], harness.queues),
      new Reactor(`reactor.data-loss-deadlines-${randomUUID().slice(0, 8)}`, [deadlineFlagsRoute(policy, DUE_AFTER_MS)], harness.queues),
      new Reactor(`reactor.data-loss-draws-${randomUUID().slice(0, 8)}`, [reconcileDrawsRoute(DUE_AFTER_MS)], harness.queues),
    ];
    for (const reactor of reactors) await startAtHead(harness, reactor.name);
    await suite.track(new Projector({ store: harness.store, dataSource: harness.dataSource, projections: reactors, lockIntervalMs: 50 })).start();
    const anchors = harness.queues.queue(TAKE_ANCHOR_QUEUE);
    const anchorSchedule = { name: TAKE_ANCHOR_QUEUE, ensure: () => ensureSchedule(anchors, ANCHOR_EVERY_MS) };
    expect(await anchorSchedule.ensure()).toBe(true);

    // No worker runs yet: the jobs wait in Redis, delayed or overdue.
    const jobs: Array<{ queue: string; cause: RecordedEvent; effect: () => Promise<readonly RecordedEvent[]> }> = [];
    for (let n = 0; n < EACH; n++) {
      const approval = await expiredLicence();
      jobs.push({ queue: EXPIRE_LICENCES_QUEUE, cause: approval, effect: () => effects(approval.streamId, LICENCE_EXPIRED, approval.eventId) });
      const departure = await lostShipment();
      jobs.push({ queue: DEADLINE_FLAGS_QUEUE, cause: departure, effect: () => effects(departure.streamId, CONSIGNMENT_FLAGGED, departure.eventId) });
      const draw = await orphanedDraw();
      jobs.push({ queue: RECONCILE_DRAWS_QUEUE, cause: draw, effect: () => effects(draw.streamId, MINING_QUOTA_RETURNED, draw.eventId) });
    }
    const inRedis = (job: (typeof jobs)[number]) => harness.queues.queue(job.queue).getJob(job.cause.eventId);
    await eventually(async () => (await Promise.all(jobs.map(inRedis))).every((job) => job !== undefined), 60_000);

    await wipe();
    expect((await Promise.all(jobs.map(inRedis))).filter((job) => job !== undefined)).toEqual([]);
    expect(await anchors.getJobScheduler(TAKE_ANCHOR_QUEUE)).toBeUndefined();

    const sweep = new JobSweep(ledger, harness.queues, () => [anchorSchedule]);
    const report = await sweep.sweep();
    expect(report.enqueued).toBeGreaterThanOrEqual(jobs.length);
    expect(report.schedulesRestored).toEqual([TAKE_ANCHOR_QUEUE]);
    const scheduler = await anchors.getJobScheduler(TAKE_ANCHOR_QUEUE);
    expect(scheduler?.every).toBe(ANCHOR_EVERY_MS);
    expect(await anchors.getJob(`repeat:${TAKE_ANCHOR_QUEUE}:${scheduler!.next}`)).toBeDefined();

    const records = new Map((await Promise.all(jobs.map((job) => ledger.find(job.queue, job.cause.eventId)))).map((record) => [record!.jobId, record!]));
    for (const job of jobs) {
      const queued = (await inRedis(job))!;
      const dueAt = records.get(job.cause.eventId)!.dueAt.getTime();
      // Overdue at the sweep: at once; not yet due: delayed until its own due time, not from the sweep.
      if (job.queue === EXPIRE_LICENCES_QUEUE) expect(queued.delay).toBe(0);
      else expect(queued.timestamp + queued.delay).toBeGreaterThanOrEqual(dueAt);
    }

    const expirer = new LicenceExpirer(harness.store);
    const flagger = new DeadlineFlagger(harness.store, policy);
    const reconciler = new DrawReconciler(harness.store);
    startWorker<{ licenceId: string }>(EXPIRE_LICENCES_QUEUE, (data) => data.licenceId, (job, token) => processExpiryJob(expirer, job as never, token));
    startWorker<{ consignmentId: string }>(DEADLINE_FLAGS_QUEUE, (data) => data.consignmentId, (job, token) => processDeadlineFlagJob(flagger, job as never, token));
    startWorker<{ consignmentId: string }>(RECONCILE_DRAWS_QUEUE, (data) => data.consignmentId, (job) => reconciler.reconcile(job.data as never, job.id!));

    const completed = async () => (await Promise.all(jobs.map((job) => ledger.find(job.queue, job.cause.eventId)))).every((record) => record?.state === 'completed');
    await eventually(completed, 90_000);
    for (const job of jobs) {
      const done = await job.effect();
      expect(done).toHaveLength(1);
      // Never before it was due.
      expect(Date.parse(done[0].recordedAt)).toBeGreaterThanOrEqual(records.get(job.cause.eventId)!.dueAt.getTime());
    }

    // Redis loses the completed jobs too, and a job is delivered again: the sweep leaves them be, the run is skipped.
    await wipe();
    await sweep.sweep();
    expect((await Promise.all(jobs.map(inRedis))).filter((job) => job !== undefined)).toEqual([]);
    const again = jobs[0];
    const record = (await ledger.find(again.queue, again.cause.eventId))!;
    expect(record.outcome).toBe('expired');
    await harness.queues.enqueue([{ queue: again.queue, jobId: record.jobId, name: record.name, data: record.data }]);
    await eventually(async () => (await inRedis(again))?.finishedOn !== undefined, 60_000);
    expect((await inRedis(again))!.returnvalue).toBe('expired');
    expect((await ledger.find(again.queue, again.cause.eventId))!.attempts).toBe(record.attempts);
    for (const job of jobs) expect(await job.effect()).toHaveLength(1);
  }, 240_000);
});
