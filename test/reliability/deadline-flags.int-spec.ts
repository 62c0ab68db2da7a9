import {
  CONSIGNMENT_FLAGGED,
  CONSIGNMENT_REGISTERED,
  ConsignmentEvent,
  consignmentStreamId,
  END_USE_CHECK_RECORDED,
  SHIPMENT_ARRIVED,
  SHIPMENT_DEPARTED,
} from '@ree/consignment';
import { DEADLINE_FLAGS_QUEUE, DeadlineFlagger, DeadlineFlagJob, deadlineFlagsRoute, processDeadlineFlagJob } from '@ree/compliance';
import { flagPolicy } from '@ree/review';
import { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { registration, released, shipmentDeclared } from '@ree/consignment/testing/consignment-events';
import { useJobSuite, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

const customs = { sub: 'deadline-flags-int-spec', role: 'customs-agent' };
const officer = { sub: 'deadline-flags-int-spec-officer', role: 'licensing-officer' };
const DAY_MS = 86_400_000;
/** Deadlines of one day, and events dated so that the deadline falls this far ahead of the test's clock. */
const policy = flagPolicy({ arrivalDueDays: 1, endUseCheckDueDays: 1 });
const DUE_IN_MS = 1_500;
const ALL_STATES = ['delayed', 'wait', 'completed', 'failed', 'active'] as const;

const departed = (departedAt: string): ConsignmentEvent => ({ type: SHIPMENT_DEPARTED, data: { departedAt, vesselOrFlight: 'COSCO Aries' } });
const arrived = (arrivedAt: string): ConsignmentEvent => ({
  type: SHIPMENT_ARRIVED,
  data: { arrivedAt, portOfArrival: 'DEHAM', confirmedBy: 'Vacuumschmelze GmbH' },
});
const checked: ConsignmentEvent = { type: END_USE_CHECK_RECORDED, data: { checkedOn: '2025-06-01', outcome: 'verified', notes: 'Site visit' } };
/** An instant such that a one-day deadline counted from it falls `DUE_IN_MS` from now. */
const dueSoon = (): string => new Date(Date.now() - DAY_MS + DUE_IN_MS).toISOString();

describe('deadline flags raised by their jobs, against PostgreSQL and Redis', () => {
  const suite = useReactorHarness();
  const jobs = useJobSuite<DeadlineFlagJob>(suite, {
    name: 'deadline-flags',
    queue: DEADLINE_FLAGS_QUEUE,
    routes: [deadlineFlagsRoute(policy, 0)],
    // Other suites' consignments in the shared test database reach the reactor too: only this suite's are flagged.
    subjectOf: (data) => data.consignmentId,
    processor: (harness) => {
      const flagger = new DeadlineFlagger(harness.store, policy);
      return (job, token) => processDeadlineFlagJob(flagger, job, token);
    },
  });

  async function consignmentWith(...events: ConsignmentEvent[]): Promise<string> {
    const consignmentId = randomUUID();
    jobs.own(consignmentId);
    await append(consignmentId, { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } }, shipmentDeclared, released, ...events);
    return consignmentId;
  }

  async function append(consignmentId: string, ...events: ConsignmentEvent[]): Promise<void> {
    const actor = events.some((event) => event.type === END_USE_CHECK_RECORDED) ? officer : customs;
    await suite.harness.store.appendToStream(consignmentStreamId(consignmentId), events.map((event) => ({ ...event, metadata: { actor } })));
  }

  const eventsOf = (consignmentId: string): Promise<readonly RecordedEvent[]> => suite.harness.store.readStream(consignmentStreamId(consignmentId));
  const flagsOf = async (consignmentId: string) => (await eventsOf(consignmentId)).filter((event) => event.type === CONSIGNMENT_FLAGGED);
  const eventOf = async (consignmentId: string, type: string) => (await eventsOf(consignmentId)).find((event) => event.type === type)!;

  async function finished(jobId: string): Promise<unknown> {
    let result: unknown;
    await eventually(async () => {
      const job = await jobs.queue.getJob(jobId);
      result = job?.returnvalue;
      return job?.finishedOn !== undefined;
    });
    return result;
  }

  it('flags a departure with no arrival once, after the deadline, as the system, caused by the departure', async () => {
    const consignmentId = await consignmentWith(departed(dueSoon()));
    const departure = await eventOf(consignmentId, SHIPMENT_DEPARTED);

    expect(await finished(departure.eventId)).toBe('flagged');
    const [flag, ...more] = await flagsOf(consignmentId);
    expect(more).toEqual([]);
    expect(flag.data).toEqual({ code: 'ARRIVAL_NOT_CONFIRMED', severity: 'medium', detail: expect.stringContaining('no arrival confirmed within 1 days') });
    expect(flag.metadata.actor).toEqual({ sub: 'review.deadline-flags', role: 'system' });
    expect(flag.metadata.causationId).toBe(departure.eventId);
    expect(Date.parse(flag.recordedAt)).toBeGreaterThanOrEqual(Date.parse((departure.data as { departedAt: string }).departedAt) + DAY_MS);
  });

  it('flags nothing when the arrival came before the deadline', async () => {
    const consignmentId = await consignmentWith(departed(dueSoon()));
    await append(consignmentId, arrived(new Date().toISOString()));
    const departure = await eventOf(consignmentId, SHIPMENT_DEPARTED);

    expect(await finished(departure.eventId)).toBe('left');
    expect(await flagsOf(consignmentId)).toEqual([]);
  });

  it('flags an arrival with no end-use check once after its deadline, and none when the check came in time', async () => {
    const late = await consignmentWith(departed(new Date(Date.now() - 2 * DAY_MS).toISOString()), arrived(dueSoon()));
    const onTime = await consignmentWith(departed(new Date(Date.now() - 2 * DAY_MS).toISOString()), arrived(dueSoon()));
    await append(onTime, checked);

    expect(await finished((await eventOf(late, SHIPMENT_ARRIVED)).eventId)).toBe('flagged');
    expect((await flagsOf(late)).map((flag) => flag.data)).toEqual([
      { code: 'END_USE_CHECK_OVERDUE', severity: 'medium', detail: expect.stringContaining('no end-use check recorded within 1 days') },
    ]);
    expect(await finished((await eventOf(onTime, SHIPMENT_ARRIVED)).eventId)).toBe('left');
    expect(await flagsOf(onTime)).toEqual([]);
  });

  it('flags once when its job runs twice, at once or again later under another id', async () => {
    const consignmentId = randomUUID();
    await append(consignmentId, { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } }, shipmentDeclared, released, departed('2025-01-01T00:00:00Z'));
    const flagger = new DeadlineFlagger(suite.harness.store, policy);
    const job: DeadlineFlagJob = { consignmentId, code: 'ARRIVAL_NOT_CONFIRMED', dueAt: '2025-01-02T00:00:00.000Z' };
    const jobId = randomUUID();
    const now = new Date();
    const outcomes = await Promise.all([flagger.run(job, jobId, now), flagger.run(job, jobId, now)]);
    // The loser of the race finds the flag open, or repeats the winner's append, which the event id makes a no-op.
    expect(outcomes.map((result) => result.outcome)).toContain('flagged');
    expect(await flagger.run(job, randomUUID(), now)).toEqual({ outcome: 'left' });
    expect(await flagsOf(consignmentId)).toHaveLength(1);
  });

  it('does not flag before the deadline when its job runs early: the job waits again until the deadline', async () => {
    const departedAt = new Date().toISOString();
    const consignmentId = await consignmentWith(departed(departedAt));
    const departure = await eventOf(consignmentId, SHIPMENT_DEPARTED);
    const queue = jobs.queue;
    await eventually(async () => (await queue.getJob(departure.eventId)) !== undefined);

    await (await queue.getJob(departure.eventId))!.promote();
    await eventually(async () => (await queue.getJob(departure.eventId))!.attemptsStarted > 0);
    await eventually(async () => (await queue.getJob(departure.eventId))!.getState().then((state) => state === 'delayed'));
    const rescheduled = (await queue.getJob(departure.eventId))!;
    // Due at the deadline (to BullMQ's clock), not retried within seconds by the back-off.
    expect(rescheduled.timestamp + rescheduled.delay).toBeGreaterThan(Date.parse(departedAt) + DAY_MS - 60_000);
    expect(await flagsOf(consignmentId)).toEqual([]);
  });

  it('enqueues nothing twice when the reactor is replayed from zero', async () => {
    const consignmentId = await consignmentWith(departed(dueSoon()));
    const departure = await eventOf(consignmentId, SHIPMENT_DEPARTED);
    await finished(departure.eventId);
    const queue = jobs.queue;
    const before = await queue.getJobs([...ALL_STATES]);

    await jobs.projector.rebuild(jobs.reactorName);

    const ids = (await queue.getJobs([...ALL_STATES])).map((job) => job.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const job of before) expect(ids).toContain(job.id);
    expect(await flagsOf(consignmentId)).toHaveLength(1);
  });
});
