import { ConsignmentGiver, CONSIGNMENT_REGISTERED, consignmentStreamId, GIVE_BACK_QUEUE, GiveBackJob, giveBackRoute } from '@ree/consignment';
import {
  AttachLicenceCommand,
  AttachLicenceHandler,
  CancelConsignmentCommand,
  CancelConsignmentHandler,
  CorrectMiningSourceCommand,
  CorrectMiningSourceHandler,
  DeclareMiningSourceCommand,
  DeclareMiningSourceHandler,
  LicenceReservations,
  MineReservations,
} from '@ree/consignment/testing/commands';
import { EXPORTER_ORG, registration, source } from '@ree/consignment/testing/consignment-events';
import { issuedLicence } from '@ree/consignment/testing/given-streams';
import { heldGrams, licenceStreamId } from '@ree/licensing';
import { MINE_REGISTERED, MineEvent, mineStreamId, MINING_QUOTA_ALLOCATED, MINING_QUOTA_RETURNED, remainingQuotaGrams } from '@ree/registry';
import type { CommandContext, RecordedEvent } from '@ree/shared-kernel';
import { eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { useJobSuite, useReactorHarness } from '../support/reactor-harness';

const exporter = (correlationId = 'give-back-int-spec'): CommandContext => ({
  actor: { sub: 'give-back-int-spec', role: 'exporter', org: EXPORTER_ORG },
  correlationId,
  now: new Date('2025-06-01T10:00:00Z'),
});
const SYSTEM = { sub: 'consignment.give-back', role: 'system' };

describe('the give-back of cancellations and corrections, against PostgreSQL and Redis', () => {
  const suite = useReactorHarness();
  const jobs = useJobSuite<GiveBackJob>(suite, {
    name: 'give-back',
    queue: GIVE_BACK_QUEUE,
    routes: [giveBackRoute],
    // Other suites' cancellations in the shared test database reach the reactor too: only this suite's are given back.
    subjectOf: (data) => data.consignmentId,
    processor: (harness) => {
      const giver = new ConsignmentGiver(harness.store);
      return (job) => giver.giveBack(job.data, job.id!);
    },
  });

  const store = () => suite.harness.store;
  const mines = () => new MineReservations(store());

  async function mineWithQuota(quotaKgReo: number): Promise<string> {
    const mineId = randomUUID();
    const events: MineEvent[] = [
      { type: MINE_REGISTERED, data: { mineId, name: 'Bayan Obo', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' } },
      { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'a1', year: 2025, category: 'light', quotaKgReo } },
    ];
    await store().appendToStream(mineStreamId(mineId), events.map((event) => ({ ...event, metadata: { actor: { sub: 'officer', role: 'licensing-officer' } } })));
    return mineId;
  }

  async function registeredConsignment(): Promise<string> {
    const consignmentId = randomUUID();
    jobs.own(consignmentId);
    await store().appendToStream(consignmentStreamId(consignmentId), [
      { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId }, metadata: { actor: exporter().actor } },
    ]);
    return consignmentId;
  }

  async function declared(consignmentId: string, mineId: string, kgReo: number) {
    const { category: _settledByTheMine, ...input } = { ...source(randomUUID(), kgReo), mineId };
    await new DeclareMiningSourceHandler(store(), mines()).execute(new DeclareMiningSourceCommand(consignmentId, input, randomUUID(), exporter()));
    return input;
  }

  const remaining = async (mineId: string) => remainingQuotaGrams((await mines().current(mineId)).state, 2025, 'light');
  const returnsOn = async (mineId: string): Promise<RecordedEvent[]> =>
    (await store().readStream(mineStreamId(mineId))).filter((event) => event.type === MINING_QUOTA_RETURNED);

  it('a cancellation answers at once; the reactor then returns every draw and releases the licence, once, as the system', async () => {
    const [mineA, mineB] = [await mineWithQuota(10_000), await mineWithQuota(10_000)];
    const consignmentId = await registeredConsignment();
    await declared(consignmentId, mineA, 3_000);
    await declared(consignmentId, mineB, 2_000);
    const licenceId = randomUUID();
    await issuedLicence(store(), licenceId, 100);
    await new AttachLicenceHandler(store(), new LicenceReservations(store())).execute(new AttachLicenceCommand(consignmentId, licenceId, 10, randomUUID(), exporter()));

    const cancelled = await new CancelConsignmentHandler(store()).execute(
      new CancelConsignmentCommand(consignmentId, 'buyer withdrew', randomUUID(), exporter('the-cancel-request')),
    );
    expect(cancelled.state.status).toBe('cancelled');
    const cancellation = cancelled.newEvents[0];

    await eventually(async () => (await remaining(mineA)) === 10_000_000 && (await remaining(mineB)) === 10_000_000);
    const held = async () => {
      const allocation = (await new LicenceReservations(store()).current(licenceId)).state.allocations[consignmentId];
      return allocation ? heldGrams(allocation) : 0;
    };
    await eventually(async () => (await held()) === 0);
    const [returned] = await returnsOn(mineA);
    expect(returned.data).toMatchObject({ consignmentId, reason: 'consignment-cancelled' });
    expect(returned.metadata).toMatchObject({ actor: SYSTEM, causationId: cancellation.eventId, correlationId: 'the-cancel-request' });

    // The job is recorded with the reactor's checkpoint, and a second run gives back nothing more.
    const rows: Array<{ state: string }> = await suite.harness.dataSource.query(
      `SELECT state FROM jobs.jobs WHERE prefix = $1 AND queue = $2 AND job_id = $3`,
      [suite.harness.prefix, GIVE_BACK_QUEUE, cancellation.eventId],
    );
    expect(rows.map((row) => row.state)).toEqual([expect.stringMatching(/running|completed/)]);
    await new ConsignmentGiver(store()).giveBack({ kind: 'consignment-cancelled', consignmentId }, cancellation.eventId);
    expect([(await returnsOn(mineA)).length, (await returnsOn(mineB)).length]).toEqual([1, 1]);
    const releases = (await store().readStream(licenceStreamId(licenceId))).filter((event) => event.type === 'LicenceAllocationReleased');
    expect(releases.map((event) => event.data)).toEqual([{ consignmentId, kg: 10, reason: 'consignment-cancelled' }]);
  });

  it('a correction to another mine draws the new source at the answer; the reactor then returns the old draw', async () => {
    const [mineA, mineB] = [await mineWithQuota(10_000), await mineWithQuota(10_000)];
    const consignmentId = await registeredConsignment();
    const original = await declared(consignmentId, mineA, 3_000);
    const correction = { ...original, mineId: mineB, declarationId: randomUUID(), correctsId: original.declarationId, kgReo: 2_500, reason: 'other pit' };

    const corrected = await new CorrectMiningSourceHandler(store(), mines()).execute(new CorrectMiningSourceCommand(consignmentId, correction, randomUUID(), exporter()));

    expect(corrected.state.sources[original.declarationId].correctedBy).toBe(correction.declarationId);
    expect(await remaining(mineB)).toBe(7_500_000);
    await eventually(async () => (await remaining(mineA)) === 10_000_000);
    const [returned] = await returnsOn(mineA);
    expect(returned.data).toMatchObject({ declarationId: original.declarationId, kgReo: 3_000, reason: 'mining-source-corrected' });
    expect(returned.metadata.causationId).toBe(corrected.newEvents[0].eventId);
  });
});
