import { type CommandContext, fold } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { allocateOnLicence, evolveLicence, releaseOnLicence, initialLicenceState, licenceStream, licenceStreamId, remainingGrams } from '@ree/licensing';
import type { Pool } from 'pg';
import { EXPORTER_ORG } from '../../testing/consignment-events';
import { issuedLicence, sourcedConsignment } from '../../testing/given-streams';
import { LICENCE_ATTACHED } from '../../consignment/consignment.events';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { CancelConsignmentCommand } from '../cancel-consignment/cancel-consignment.command';
import { CancelConsignmentHandler } from '../cancel-consignment/cancel-consignment.handler';
import { ConsignmentGiver } from '../../jobs/consignment-giver';
import { LicenceReservations } from '../licence-reservations';
import { AttachLicenceCommand } from './attach-licence.command';
import { AttachLicenceHandler } from './attach-licence.handler';

/** The attach handler's reservation against the real PostgreSQL store: half-done commands, refusals, the release on cancel. */
describe('licence reservations', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let licences: LicenceReservations;
  let attach: AttachLicenceHandler;
  let cancel: CancelConsignmentHandler;

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 4, applicationName: 'attach-licence-int-spec' });
    store = new PostgresEventStore({ pool });
    licences = new LicenceReservations(store);
    attach = new AttachLicenceHandler(store, licences);
    cancel = new CancelConsignmentHandler(store);
  });
  afterAll(() => pool.end());

  const exporter = (now = '2025-06-01T10:00:00Z'): CommandContext => ({
    actor: { sub: 'int-spec-exporter', role: 'exporter', org: EXPORTER_ORG },
    correlationId: 'int-spec',
    now: new Date(now),
  });

  async function licence(licenceId: string) {
    const events = await store.readStream(licenceStreamId(licenceId));
    const state = fold({ evolve: evolveLicence, initialState: initialLicenceState }, licenceStream.domainEvents(events));
    return { events, remaining: remainingGrams(state) };
  }

  async function aLicenceAndAConsignment(licenceKg: number, consignmentKg: number) {
    const licenceId = randomUUID();
    const consignmentId = randomUUID();
    await issuedLicence(store, licenceId, licenceKg);
    await sourcedConsignment(store, consignmentId, consignmentKg);
    return { licenceId, consignmentId };
  }

  it("allocates the consignment's quantity when no kg is given, then attaches", async () => {
    const { licenceId, consignmentId } = await aLicenceAndAConsignment(100, 12.5);
    const result = await attach.execute(new AttachLicenceCommand(consignmentId, licenceId, undefined, randomUUID(), exporter()));
    expect(result.state.licence).toEqual({ licenceId, allocatedKg: 12.5 });
    expect((await licence(licenceId)).remaining).toBe(87_500);
    expect(store.comparePositions(result.position!, (await licence(licenceId)).events.at(-1)!.position)).toBeGreaterThanOrEqual(0);
  });

  it('a half-done attach (allocated, never attached) is completed by its retry without allocating twice', async () => {
    const { licenceId, consignmentId } = await aLicenceAndAConsignment(100, 10);
    const operationId = `op-${randomUUID()}`;
    const allocation = { licenceId, consignmentId, exporterOrg: EXPORTER_ORG, hsCode: '2846.90', element: 'NdPr', destinationCountry: 'DE', kg: 10, now: exporter().now };
    await licences.decide(licenceId, (state) => allocateOnLicence(allocation, state), operationId, exporter());

    const retried = await attach.execute(new AttachLicenceCommand(consignmentId, licenceId, undefined, operationId, exporter()));

    expect(retried.newEvents.map((event) => event.type)).toEqual([LICENCE_ATTACHED]);
    const after = await licence(licenceId);
    expect([after.events.length, after.remaining]).toEqual([5, 90_000]);
  });

  it('reservation-expired: a retry after the reconciliation released the orphaned allocation; a new attempt allocates afresh', async () => {
    const { licenceId, consignmentId } = await aLicenceAndAConsignment(100, 10);
    const operationId = `op-${randomUUID()}`;
    const allocation = { licenceId, consignmentId, exporterOrg: EXPORTER_ORG, hsCode: '2846.90', element: 'NdPr', destinationCountry: 'DE', kg: 10, now: exporter().now };
    await licences.decide(licenceId, (state) => allocateOnLicence(allocation, state), operationId, exporter());
    const orphan = { licenceId, consignmentId, kg: 10, reason: 'orphaned' };
    await licences.decide(licenceId, (state) => releaseOnLicence(orphan, state), `reconciliation-${randomUUID()}`, exporter());

    await expect(attach.execute(new AttachLicenceCommand(consignmentId, licenceId, undefined, operationId, exporter()))).rejects.toMatchObject({
      code: 'reservation-expired',
    });
    expect(await store.readStream(consignmentStreamId(consignmentId))).toHaveLength(2);

    await attach.execute(new AttachLicenceCommand(consignmentId, licenceId, undefined, `op-${randomUUID()}`, exporter()));
    expect((await licence(licenceId)).remaining).toBe(90_000);
  });

  it('another licence attached between the allocation and the attachment: this allocation is released at once', async () => {
    const { licenceId: first, consignmentId } = await aLicenceAndAConsignment(100, 10);
    const second = randomUUID();
    await issuedLicence(store, second, 100);
    const streamId = consignmentStreamId(consignmentId);
    let overtaken = false;
    // A store that lets a concurrent request attach the first licence just before this one appends to the consignment.
    const racing = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<PostgresEventStore['appendToStream']>) => {
          if (args[0] === streamId && !overtaken) {
            overtaken = true;
            await attach.execute(new AttachLicenceCommand(consignmentId, first, undefined, randomUUID(), exporter()));
          }
          return target.appendToStream(...args);
        };
      },
    });

    const late = new AttachLicenceHandler(racing, new LicenceReservations(racing));
    await expect(late.execute(new AttachLicenceCommand(consignmentId, second, undefined, randomUUID(), exporter()))).rejects.toMatchObject({
      code: 'invalid-transition',
    });

    expect([(await licence(first)).remaining, (await licence(second)).remaining]).toEqual([90_000, 100_000]);
    expect((await licence(second)).events.at(-1)?.data).toEqual({ consignmentId, kg: 10, reason: 'attachment-refused' });
  });

  it('a refusal on either side writes nothing: an expired licence, an allocation above the quantity', async () => {
    const { licenceId, consignmentId } = await aLicenceAndAConsignment(100, 10);
    await expect(attach.execute(new AttachLicenceCommand(consignmentId, licenceId, undefined, randomUUID(), exporter('2026-01-01T00:00:00Z')))).rejects.toMatchObject({
      code: 'licence-not-active',
    });
    await expect(attach.execute(new AttachLicenceCommand(consignmentId, licenceId, 10.001, randomUUID(), exporter()))).rejects.toMatchObject({
      code: 'allocation-above-quantity',
    });
    expect((await licence(licenceId)).events).toHaveLength(4);
    expect(await store.readStream(consignmentStreamId(consignmentId))).toHaveLength(2);
  });

  it('cancel appends only the cancellation; its give-back releases the allocation once, however often it runs', async () => {
    const { licenceId, consignmentId } = await aLicenceAndAConsignment(100, 30);
    await attach.execute(new AttachLicenceCommand(consignmentId, licenceId, 25, randomUUID(), exporter()));
    expect((await licence(licenceId)).remaining).toBe(75_000);
    const cancelled = await cancel.execute(new CancelConsignmentCommand(consignmentId, 'buyer withdrew', `op-${randomUUID()}`, exporter()));
    expect((await licence(licenceId)).remaining).toBe(75_000);

    const job = { kind: 'consignment-cancelled', consignmentId } as const;
    const jobId = cancelled.newEvents[0].eventId;
    await new ConsignmentGiver(store).giveBack(job, jobId);
    await new ConsignmentGiver(store).giveBack(job, jobId);

    const after = await licence(licenceId);
    expect(after.remaining).toBe(100_000);
    expect(after.events.map((event) => event.type).filter((type) => type === 'LicenceAllocationReleased')).toHaveLength(1);
    expect(after.events.at(-1)?.data).toEqual({ consignmentId, kg: 25, reason: 'consignment-cancelled' });
    expect(after.events.at(-1)?.metadata).toMatchObject({ actor: { sub: 'consignment.give-back', role: 'system' }, causationId: jobId });
  });
});
