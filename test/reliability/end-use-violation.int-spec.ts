import {
  CONSIGNMENT_REGISTERED,
  ConsignmentEvent,
  consignmentStreamId,
  END_USE_CHECK_RECORDED,
  EndUseCheckOutcome,
  LICENCE_ATTACHED,
  SHIPMENT_ARRIVED,
  SHIPMENT_DEPARTED,
} from '@ree/consignment';
import { handleCommand } from '@ree/event-store';
import {
  evolveLicence,
  initialLicenceState,
  LICENCE_APPROVED,
  LICENCE_REINSTATED,
  LICENCE_SUSPENDED,
  LicenceApprovedData,
  LicenceEvent,
  licenceStream,
  licenceStreamId,
} from '@ree/licensing';
import { END_USE_VIOLATION_QUEUE, EndUseViolationJob, endUseViolationRoute, EndUseViolationSuspender } from '@ree/compliance';
import { fold, RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { RevokeLicenceCommand, revokeLicenceDecider } from '@ree/licensing/testing/commands';
import { allocated, application, approvedEvent, issued } from '@ree/licensing/testing/licence-events';
import { registration, released, shipmentDeclared } from '@ree/consignment/testing/consignment-events';
import { useJobSuite, useReactorHarness } from '../support/reactor-harness';
import { eventually } from '@ree/testing';

const officer = { sub: 'end-use-violation-int-spec', role: 'licensing-officer' };
const customs = { sub: 'end-use-violation-int-spec-customs', role: 'customs-agent' };
/** The fixture's licence, valid for long enough to be in force whenever this test runs. */
const issuedUntil2099: LicenceEvent[] = issued.map((event) =>
  event.type === LICENCE_APPROVED ? { ...event, data: { ...(approvedEvent().data as LicenceApprovedData), validUntil: '2099-12-31' } } : event,
);

describe('a failed end-use check suspends the licence, against PostgreSQL and Redis', () => {
  const suite = useReactorHarness();
  const jobs = useJobSuite<EndUseViolationJob>(suite, {
    name: 'end-use-violation',
    queue: END_USE_VIOLATION_QUEUE,
    routes: [endUseViolationRoute()],
    // Other suites' checks in the shared test database reach the reactor too: only this suite's are acted on.
    subjectOf: (data) => data.consignmentId,
    processor: (harness) => {
      const suspender = new EndUseViolationSuspender(harness.store);
      return (job) => suspender.run(job.data, job.id!, new Date());
    },
  });

  async function licenceWith(history: readonly LicenceEvent[]): Promise<string> {
    const licenceId = randomUUID();
    const events = history.map((event) => (event.type === 'LicenceApplied' ? { ...event, data: { ...application, licenceId } } : event));
    await suite.harness.store.appendToStream(licenceStreamId(licenceId), events.map((event) => ({ ...event, metadata: { actor: officer } })));
    return licenceId;
  }

  /** A consignment on the licence, arrived at its end user, waiting for its end-use check. */
  async function arrivedOn(licenceId: string): Promise<string> {
    const consignmentId = randomUUID();
    jobs.own(consignmentId);
    await suite.harness.store.appendToStream(licenceStreamId(licenceId), [{ ...allocated(consignmentId, 12_000), metadata: { actor: officer } }]);
    const events: ConsignmentEvent[] = [
      { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId } },
      { type: LICENCE_ATTACHED, data: { licenceId, allocatedKg: 12_000 } },
      shipmentDeclared,
      released,
      { type: SHIPMENT_DEPARTED, data: { departedAt: '2026-01-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' } },
      { type: SHIPMENT_ARRIVED, data: { arrivedAt: '2026-02-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: 'Vacuumschmelze GmbH' } },
    ];
    await suite.harness.store.appendToStream(consignmentStreamId(consignmentId), events.map((event) => ({ ...event, metadata: { actor: customs } })));
    return consignmentId;
  }

  async function check(consignmentId: string, outcome: EndUseCheckOutcome): Promise<RecordedEvent> {
    const event = { type: END_USE_CHECK_RECORDED, data: { checkedOn: '2026-05-01', outcome, notes: 'Magnets not at the declared site' } };
    const { events } = await suite.harness.store.appendToStream(consignmentStreamId(consignmentId), [{ ...event, metadata: { actor: officer } }]);
    return events[0];
  }

  const licenceEvents = (licenceId: string): Promise<readonly RecordedEvent[]> => suite.harness.store.readStream(licenceStreamId(licenceId));
  const suspensions = async (licenceId: string) => (await licenceEvents(licenceId)).filter((event) => event.type === LICENCE_SUSPENDED);
  const licenceState = async (licenceId: string) => fold({ evolve: evolveLicence, initialState: initialLicenceState }, (await licenceEvents(licenceId)) as unknown as LicenceEvent[]);

  async function finished(jobId: string): Promise<unknown> {
    let result: unknown;
    await eventually(async () => {
      const job = await jobs.queue.getJob(jobId);
      result = job?.returnvalue;
      return job?.finishedOn !== undefined;
    });
    return result;
  }

  it('suspends the consignment’s licence as the system, caused by the check; one officer may then revoke it', async () => {
    const licenceId = await licenceWith(issuedUntil2099);
    const consignmentId = await arrivedOn(licenceId);
    const diverted = await check(consignmentId, 'diverted');

    expect(await finished(diverted.eventId)).toBe('suspended');
    const [suspension, ...more] = await suspensions(licenceId);
    expect(more).toEqual([]);
    expect(suspension.metadata.actor).toEqual({ sub: 'review.end-use-violation', role: 'system' });
    expect(suspension.metadata.causationId).toBe(diverted.eventId);
    expect(suspension.data).toEqual({
      reason: `End-use violation: the check of consignment ${consignmentId} on 2026-05-01 found the end use diverted (Magnets not at the declared site)`,
      suspendedBy: 'review.end-use-violation',
    });
    // The consignment's own stream gets nothing: END_USE_VIOLATION is the review fold's reading of the check.
    expect((await suite.harness.store.readStream(consignmentStreamId(consignmentId))).map((event) => event.type)).not.toContain('ConsignmentFlagged');

    // Four eyes after a system suspension: the system's and one officer's; the revocation is still a decision of its own.
    const revoke = new RevokeLicenceCommand(licenceId, 'diversion confirmed', { actor: officer, correlationId: 'revoke', now: new Date() });
    await handleCommand(suite.harness.store, licenceStreamId(licenceId), revokeLicenceDecider, revoke, { stream: licenceStream, metadata: { actor: officer } });
    expect((await licenceState(licenceId)).status).toBe('revoked');
  });

  it('suspends nothing after a verified check, nor a licence an officer has already suspended', async () => {
    const verifiedLicence = await licenceWith(issuedUntil2099);
    const verifiedConsignment = await arrivedOn(verifiedLicence);
    await check(verifiedConsignment, 'verified');
    const suspendedLicence = await licenceWith([
      ...issuedUntil2099,
      { type: LICENCE_SUSPENDED, data: { reason: 'End-use check pending', suspendedBy: 'officer-zhao' } },
    ]);
    const notVerified = await check(await arrivedOn(suspendedLicence), 'not-verified');

    expect(await finished(notVerified.eventId)).toBe('left');
    expect(await suspensions(suspendedLicence)).toHaveLength(1);
    expect(await suspensions(verifiedLicence)).toEqual([]);
    expect(await jobs.queue.getJobs(['delayed', 'wait', 'active', 'completed', 'failed'])).not.toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ consignmentId: verifiedConsignment }) }),
    );
  });

  it('suspends once when its job runs twice, and a replay after an officer reinstated the licence does not suspend it again', async () => {
    const licenceId = await licenceWith(issuedUntil2099);
    const consignmentId = await arrivedOn(licenceId);
    const suspender = new EndUseViolationSuspender(suite.harness.store);
    const job: EndUseViolationJob = { consignmentId, checkedOn: '2026-05-01', outcome: 'not-verified', notes: '' };
    const jobId = randomUUID();
    const outcomes = await Promise.all([suspender.run(job, jobId, new Date()), suspender.run(job, jobId, new Date())]);
    expect(outcomes).toContain('suspended');
    expect(await suspensions(licenceId)).toHaveLength(1);

    await suite.harness.store.appendToStream(licenceStreamId(licenceId), [
      { type: LICENCE_REINSTATED, data: { reason: 'end use verified on a second visit' }, metadata: { actor: officer } },
    ]);
    expect(await suspender.run(job, jobId, new Date())).toBe('left');
    expect((await licenceState(licenceId)).status).toBe('issued');
    expect(await suspensions(licenceId)).toHaveLength(1);
  });
});
