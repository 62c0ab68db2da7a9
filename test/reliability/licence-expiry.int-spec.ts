import {
  allocateOnLicence,
  allocateOnLicenceDecider,
  EXPIRE_LICENCES_QUEUE,
  ExpireLicenceJob,
  expireLicencesRoute,
  LICENCE_APPROVED,
  LICENCE_EXPIRED,
  LICENCE_REVOKED,
  LicenceApprovedData,
  LicenceEvent,
  LicenceExpirer,
  licenceStreamId,
  processExpiryJob,
  shipOnLicence,
} from '@ree/licensing';
import { fold, RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { allocated, application, approved, approvedEvent, issued } from '@ree/licensing/testing/licence-events';
import { checkpointOf, useJobSuite, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

const officer = { sub: 'licence-expiry-int-spec', role: 'licensing-officer' };
/** Inside the fixture's validity (2025-03-01 to 2026-02-28): only the licence's status can refuse it then. */
const DURING_VALIDITY = new Date('2026-01-15T10:00:00Z');
const CONSIGNMENT = 'consignment-expiry-1';
const ALL_STATES = ['delayed', 'wait', 'completed', 'failed', 'active'] as const;

describe('licences expire by themselves, against PostgreSQL and Redis', () => {
  const suite = useReactorHarness();
  const jobs = useJobSuite<ExpireLicenceJob>(suite, {
    name: 'expire-licences',
    queue: EXPIRE_LICENCES_QUEUE,
    routes: [expireLicencesRoute(0)],
    // The shared test database holds other suites' licences, which the reactor sees too: only this suite's are expired.
    // A floor of zero: a validity already over is due at once.
    subjectOf: (data) => data.licenceId,
    processor: (harness) => {
      const expirer = new LicenceExpirer(harness.store);
      return (job, token) => processExpiryJob(expirer, job, token);
    },
  });

  async function licenceWith(history: readonly LicenceEvent[]): Promise<string> {
    const licenceId = randomUUID();
    jobs.own(licenceId);
    const events = history.map((event) => (event.type === 'LicenceApplied' ? { ...event, data: { ...application, licenceId } } : event));
    await suite.harness.store.appendToStream(licenceStreamId(licenceId), events.map((event) => ({ ...event, metadata: { actor: officer } })));
    return licenceId;
  }

  const licenceEvents = (licenceId: string): Promise<readonly RecordedEvent[]> => suite.harness.store.readStream(licenceStreamId(licenceId));
  const expiries = async (licenceId: string) => (await licenceEvents(licenceId)).filter((event) => event.type === LICENCE_EXPIRED);
  const approvalOf = async (licenceId: string) => (await licenceEvents(licenceId)).find((event) => event.type === LICENCE_APPROVED)!;

  async function jobFinished(jobId: string): Promise<boolean> {
    const job = await jobs.queue.getJob(jobId);
    return job?.finishedOn !== undefined;
  }

  it('expires an issued licence whose validity has ended, as the system, caused by its approval; attach and shipment are then refused', async () => {
    const licenceId = await licenceWith([...issued, allocated(CONSIGNMENT, 1_000)]);
    const approval = await approvalOf(licenceId);
    await eventually(async () => (await expiries(licenceId)).length > 0);

    const [expired] = await expiries(licenceId);
    expect(expired.metadata.actor).toEqual({ sub: 'licensing.expire-licences', role: 'system' });
    expect(expired.metadata.causationId).toBe(approval.eventId);
    expect(expired.metadata.correlationId).toBe(approval.eventId);
    await eventually(() => jobFinished(approval.eventId));
    expect(await expiries(licenceId)).toHaveLength(1);

    const state = fold(allocateOnLicenceDecider, (await licenceEvents(licenceId)) as unknown as LicenceEvent[]);
    expect(state.status).toBe('expired');
    const attach = { licenceId, consignmentId: 'consignment-expiry-2', exporterOrg: application.exporterOrg, hsCode: '2846.90', element: 'NdPr', destinationCountry: 'DE', kg: 500, now: DURING_VALIDITY };
    expect(() => allocateOnLicence(attach, state)).toThrow(expect.objectContaining({ code: 'licence-not-active' }) as Error);
    expect(() => shipOnLicence({ licenceId, consignmentId: CONSIGNMENT, kg: 1_000, now: DURING_VALIDITY }, state)).toThrow(
      expect.objectContaining({ code: 'licence-not-active' }) as Error,
    );
  });

  it('leaves a revoked licence alone', async () => {
    const licenceId = await licenceWith([...issued, { type: LICENCE_REVOKED, data: { reason: 'diversion suspected' } }]);
    const approval = await approvalOf(licenceId);
    await eventually(() => jobFinished(approval.eventId));
    expect((await jobs.queue.getJob(approval.eventId))?.returnvalue).toBe('left');
    expect(await expiries(licenceId)).toEqual([]);
  });

  it('expires once when its job runs twice, at once or again later under another id', async () => {
    const licenceId = await licenceWith(approved);
    const expirer = new LicenceExpirer(suite.harness.store);
    const job: ExpireLicenceJob = { licenceId, validUntil: '2026-02-28' };
    const jobId = randomUUID();
    const now = new Date();
    const outcomes = await Promise.all([expirer.expire(job, jobId, now), expirer.expire(job, jobId, now)]);
    // The loser of the race either finds it expired or repeats the winner's append, which the event id makes a no-op.
    expect(outcomes.map((result) => result.outcome)).toContain('expired');
    expect(await expirer.expire(job, randomUUID(), now)).toEqual({ outcome: 'left' });
    expect(await expiries(licenceId)).toHaveLength(1);
  });

  it('does not expire a licence still valid when its job runs early: the job waits again until the validity ends', async () => {
    const future: LicenceEvent = { type: LICENCE_APPROVED, data: { ...(approvedEvent().data as LicenceApprovedData), validUntil: '2099-12-31' } };
    const valid = await licenceWith([...approved.filter((event) => event.type !== LICENCE_APPROVED), future]);
    const expirer = new LicenceExpirer(suite.harness.store);
    expect(await expirer.expire({ licenceId: valid, validUntil: '2099-12-31' }, randomUUID(), new Date())).toEqual({
      outcome: 'not-yet-due',
      dueAt: new Date('2100-01-01T00:00:00Z'),
    });

    // The job the reactor queued for that approval is due in 2100; run it now, as a skewed clock would.
    const approval = await approvalOf(valid);
    const queue = jobs.queue;
    await eventually(async () => (await queue.getJob(approval.eventId)) !== undefined);
    await (await queue.getJob(approval.eventId))!.promote();
    await eventually(async () => (await queue.getJob(approval.eventId))!.attemptsStarted > 0);
    await eventually(async () => (await queue.getJob(approval.eventId))!.getState().then((state) => state === 'delayed'));
    const rescheduled = (await queue.getJob(approval.eventId))!;
    // Due at the end of the validity (to BullMQ's clock), not retried within seconds by the back-off.
    expect(rescheduled.timestamp + rescheduled.delay).toBeGreaterThan(Date.parse('2099-12-31T23:59:00Z'));
    expect(await expiries(valid)).toEqual([]);
  });

  it('enqueues nothing twice when the reactor is replayed from zero', async () => {
    const { harness } = suite;
    const queue = jobs.queue;
    const licenceId = await licenceWith(issued);
    const approval = await approvalOf(licenceId);
    await eventually(async () => {
      const checkpoint = await checkpointOf(harness, jobs.reactorName);
      return checkpoint !== null && harness.store.comparePositions(checkpoint, approval.position) >= 0;
    });
    await eventually(() => jobFinished(approval.eventId));
    const before = await queue.getJobs([...ALL_STATES]);

    await jobs.projector.rebuild(jobs.reactorName);

    const after = await queue.getJobs([...ALL_STATES]);
    const ids = after.map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const job of before) expect(ids).toContain(job.id);
    const replayedOwn = after.filter((job) => before.some((earlier) => earlier.id === job.id));
    expect(replayedOwn.map((job) => job.timestamp).sort()).toEqual(before.map((job) => job.timestamp).sort());
    expect(await expiries(licenceId)).toHaveLength(1);
  });
});
