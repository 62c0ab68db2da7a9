import { randomUUID } from 'node:crypto';
import { createEventStorePool, handleCommand, HandleCommandOptions, PostgresEventStore } from '@ree/event-store';
import { DomainRuleViolation, eventIdsFrom, fold } from '@ree/shared-kernel';
import type { Pool } from 'pg';
import { LICENCE_APPLIED, LICENCE_APPROVED, LICENCE_QUANTITY_ALLOCATED, LicenceEvent } from '../../licence/licence.events';
import { remainingGrams } from '../../licence/licence.quantities';
import { licenceStream, licenceStreamId } from '../../licence/licence.stream';
import { application, approvedEvent, EXPORTER_ORG, issued } from '../../testing/licence-events';
import { AllocateOnLicenceCommand } from './allocate-on-licence.command';
import { allocateOnLicenceDecider } from './allocate-on-licence.decide';

const actor = { sub: 'exporter-race', role: 'exporter', org: EXPORTER_ORG };

/** An issued licence whose only item covers 20 kg of NdPr oxide to Germany. */
function licenceCovering20Kg(licenceId: string): LicenceEvent[] {
  const items = [{ ...application.items[0], quantityKg: 20 }];
  return issued.map((event): LicenceEvent => {
    if (event.type === LICENCE_APPLIED) return { type: LICENCE_APPLIED, data: { ...application, licenceId, items } };
    return event.type === LICENCE_APPROVED ? approvedEvent([20]) : event;
  });
}

describe('the licence race against PostgreSQL', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 20, applicationName: 'licence-race-int-spec' });
    store = new PostgresEventStore({ pool });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  const allocate = (streamId: string, licenceId: string, consignmentId: string, operationId: string) => {
    const command: AllocateOnLicenceCommand = {
      licenceId,
      consignmentId,
      exporterOrg: EXPORTER_ORG,
      hsCode: '2846.90',
      element: 'NdPr',
      destinationCountry: 'DE',
      kg: 1,
      now: new Date('2025-06-01T10:00:00Z'),
    };
    const options: HandleCommandOptions<LicenceEvent> = {
      metadata: { actor },
      eventId: eventIdsFrom(operationId, streamId),
      stream: licenceStream,
      // Each lost race means another consignment took its kilogram: 50 contenders settle within 50 retries.
      retries: 64,
    };
    return handleCommand(store, streamId, allocateOnLicenceDecider, command, options);
  };

  it('50 concurrent allocations of 1 kg on a licence that covers 20: exactly 20 succeed, nothing left, never negative', async () => {
    const licenceId = randomUUID();
    const streamId = licenceStreamId(licenceId);
    const history = licenceCovering20Kg(licenceId);
    await store.appendToStream(streamId, history.map((event) => ({ ...event, metadata: { actor } })), { expectedRevision: 'no-stream' });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => allocate(streamId, licenceId, `consignment-${index}`, `operation-${index}`)),
    );

    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(20);
    expect(refusals).toHaveLength(30);
    expect(refusals.every((error) => error instanceof DomainRuleViolation && error.code === 'licence-balance-exceeded')).toBe(true);
    const stored = (await store.readStream(streamId)) as unknown as LicenceEvent[];
    expect(stored.filter((event) => event.type === LICENCE_QUANTITY_ALLOCATED)).toHaveLength(20);
    expect(remainingGrams(fold(allocateOnLicenceDecider, stored))).toBe(0);
  });

  it('a retried allocation with the same operation id appends nothing more', async () => {
    const licenceId = randomUUID();
    const streamId = licenceStreamId(licenceId);
    await store.appendToStream(streamId, licenceCovering20Kg(licenceId).map((event) => ({ ...event, metadata: { actor } })), {
      expectedRevision: 'no-stream',
    });

    const first = await allocate(streamId, licenceId, 'consignment-1', 'operation-1');
    const again = await allocate(streamId, licenceId, 'consignment-1', 'operation-1');

    expect(first.newEvents).toHaveLength(1);
    expect([again.newEvents, again.revision]).toEqual([[], first.revision]);
  });
});
