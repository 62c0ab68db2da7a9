import { randomUUID } from 'node:crypto';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import type { CommandContext } from '@ree/shared-kernel';
import type { Pool } from 'pg';
import { CONSIGNMENT_CLASSIFIED, CONSIGNMENT_REGISTERED, MINING_SOURCE_DECLARED, type ShipmentDeclaredData } from '../consignment/consignment.events';
import { consignmentStream, consignmentStreamId } from '../consignment/consignment.stream';
import { classificationFacts } from '../testing/classification-facts';
import { endUseDeclared, registration, shipmentDeclared, source } from '../testing/consignment-events';
import { DYSPROSIUM_ENTRY } from '../testing/control-list';
import { DeclareShipmentCommand } from './declare-shipment/declare-shipment.command';
import { DeclareShipmentHandler } from './declare-shipment/declare-shipment.handler';
import { LicenceReservations } from './licence-reservations';
import { RegisterConsignmentCommand } from './register-consignment/register-consignment.command';
import { RegisterConsignmentHandler } from './register-consignment/register-consignment.handler';

/** The classification appended with the fact it speaks for, against the real PostgreSQL store. */
describe('classification at registration and at the shipment declaration', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 2, applicationName: 'classification-int-spec' });
    store = new PostgresEventStore({ pool });
  });
  afterAll(() => pool.end());

  const at = (role: 'exporter' | 'customs-agent'): CommandContext => ({
    actor: role === 'exporter' ? { sub: 'int-spec-exporter', role, org: registration.exporterOrg } : { sub: 'int-spec-customs', role },
    correlationId: 'int-spec',
    now: new Date('2025-06-01T10:00:00Z'),
  });
  const eventsOf = async (consignmentId: string) => consignmentStream.domainEvents(await store.readStream(consignmentStreamId(consignmentId)));

  it('registers and classifies in one append, by the list of the registration’s day', async () => {
    const consignmentId = randomUUID();
    const dyOxide = { ...registration, consignmentId, element: 'Dy' as const, product: 'Dysprosium oxide' };
    const result = await new RegisterConsignmentHandler(store, classificationFacts([DYSPROSIUM_ENTRY])).execute(
      new RegisterConsignmentCommand(dyOxide, randomUUID(), at('exporter')),
    );
    expect(result.revision).toBe(1);
    const events = await eventsOf(consignmentId);
    expect(events.map((event) => event.type)).toEqual([CONSIGNMENT_REGISTERED, CONSIGNMENT_CLASSIFIED]);
    expect(events[1].data).toMatchObject({ stage: 'registration', listPosition: null, classification: { on: '2025-06-01', controlled: true, controlCode: '1C905' } });
  });

  it('refuses a listed item’s shipment without a licence and appends nothing; an unlisted one is declared with its classification', async () => {
    const actor = at('exporter').actor;
    const ready = async (element: 'Dy' | 'NdPr') => {
      const consignmentId = randomUUID();
      const events = [
        { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId, element } },
        { type: MINING_SOURCE_DECLARED, data: source() },
        endUseDeclared,
      ];
      await store.appendToStream(consignmentStreamId(consignmentId), events.map((event) => ({ ...event, metadata: { actor } })), { expectedRevision: 'no-stream' });
      return consignmentId;
    };
    const declare = new DeclareShipmentHandler(store, new LicenceReservations(store), classificationFacts([DYSPROSIUM_ENTRY]));
    const shipment = shipmentDeclared.data as ShipmentDeclaredData;

    const listed = await ready('Dy');
    await expect(declare.execute(new DeclareShipmentCommand(listed, shipment, randomUUID(), at('customs-agent')))).rejects.toMatchObject({ code: 'licence-required' });
    expect(await eventsOf(listed)).toHaveLength(3);

    const unlisted = await ready('NdPr');
    await declare.execute(new DeclareShipmentCommand(unlisted, shipment, randomUUID(), at('customs-agent')));
    const events = await eventsOf(unlisted);
    expect(events.slice(3).map((event) => event.type)).toEqual([CONSIGNMENT_CLASSIFIED, 'ShipmentDeclared']);
    expect(events[4].data).toMatchObject({ controlRemark: 'not-controlled' });
  });
});
