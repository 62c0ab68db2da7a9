import { type CommandContext, fold } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { declarationsLeft, evolveLicence, initialLicenceState, licenceStream, licenceStreamId } from '@ree/licensing';
import type { Pool } from 'pg';
import { EXPORTER_ORG, endUseDeclared, shipmentDeclared } from '../../testing/consignment-events';
import { classificationFacts } from '../../testing/classification-facts';
import { issuedLicence, sourcedConsignment } from '../../testing/given-streams';
import { CONSIGNMENT_CLASSIFIED, SHIPMENT_DECLARED, type ShipmentDeclaredData } from '../../consignment/consignment.events';
import { consignmentStreamId } from '../../consignment/consignment.stream';
import { AttachLicenceCommand } from '../attach-licence/attach-licence.command';
import { AttachLicenceHandler } from '../attach-licence/attach-licence.handler';
import { CancelConsignmentCommand } from '../cancel-consignment/cancel-consignment.command';
import { CancelConsignmentHandler } from '../cancel-consignment/cancel-consignment.handler';
import { LicenceReservations } from '../licence-reservations';
import { DeclareShipmentCommand } from './declare-shipment.command';
import { DeclareShipmentHandler } from './declare-shipment.handler';

/** The declaration's endorsement on the licence against the real PostgreSQL store: taken with it, refused by the kind, withdrawn on refusal. */
describe('the endorsement of a declaration on its licence', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let attach: AttachLicenceHandler;
  let declare: DeclareShipmentHandler;
  let cancel: CancelConsignmentHandler;

  beforeAll(() => {
    pool = createEventStorePool(process.env.DATABASE_URL ?? '', { max: 4, applicationName: 'declare-shipment-int-spec' });
    store = new PostgresEventStore({ pool });
    const licences = new LicenceReservations(store);
    attach = new AttachLicenceHandler(store, licences);
    declare = new DeclareShipmentHandler(store, licences, classificationFacts());
    cancel = new CancelConsignmentHandler(store);
  });
  afterAll(() => pool.end());

  const at = (role: 'exporter' | 'customs-agent'): CommandContext => ({
    actor: role === 'exporter' ? { sub: 'int-spec-exporter', role, org: EXPORTER_ORG } : { sub: 'int-spec-customs', role },
    correlationId: 'int-spec',
    now: new Date('2025-06-01T10:00:00Z'),
  });
  const shipment = (customsDeclarationNo: string, portOfExport = 'CNTSN'): ShipmentDeclaredData =>
    ({ ...(shipmentDeclared.data as ShipmentDeclaredData), customsDeclarationNo, portOfExport, declaredNetKg: 1000 });
  const declaration = (consignmentId: string, customsDeclarationNo = `0201${randomUUID().slice(0, 8)}`, portOfExport?: string) =>
    new DeclareShipmentCommand(consignmentId, shipment(customsDeclarationNo, portOfExport), randomUUID(), at('customs-agent'));

  async function licence(licenceId: string) {
    const events = licenceStream.domainEvents(await store.readStream(licenceStreamId(licenceId)));
    return { events, state: fold({ evolve: evolveLicence, initialState: initialLicenceState }, events) };
  }

  /** A lot of 1 t sourced, attached to the licence and with its end-use declaration. */
  async function readyToShip(licenceId: string): Promise<string> {
    const consignmentId = randomUUID();
    await sourcedConsignment(store, consignmentId, 1000);
    await attach.execute(new AttachLicenceCommand(consignmentId, licenceId, undefined, randomUUID(), at('exporter')));
    const streamId = consignmentStreamId(consignmentId);
    await store.appendToStream(streamId, [{ ...endUseDeclared, metadata: { actor: at('exporter').actor } }], { expectedRevision: 2 });
    return consignmentId;
  }

  it('endorses the declaration on the licence, then records it on the consignment', async () => {
    const licenceId = randomUUID();
    await issuedLicence(store, licenceId, 10_000, { kind: 'multi-use', customsOffice: 'CNTSN' });
    const consignmentId = await readyToShip(licenceId);

    const declared = await declare.execute(declaration(consignmentId, '020120250000000001'));

    expect(declared.newEvents.map((event) => event.type)).toEqual([CONSIGNMENT_CLASSIFIED, SHIPMENT_DECLARED]);
    const { events, state } = await licence(licenceId);
    expect(events.at(-1)).toMatchObject({
      type: 'LicenceDeclarationEndorsed',
      data: { consignmentId, customsDeclarationNo: '020120250000000001', customsOffice: 'CNTSN', kg: 1000, endorsedOn: '2025-03-01', number: 1 },
    });
    expect(declarationsLeft(state)).toBe(11);
    expect(store.comparePositions(declared.position!, events.at(-1)!.position)).toBeGreaterThanOrEqual(0);
  });

  it("single-use-licence-spent, customs-office-mismatch: the licence's refusal writes nothing on either stream", async () => {
    const licenceId = randomUUID();
    await issuedLicence(store, licenceId, 10_000, { kind: 'single-use', customsOffice: 'CNTSN' });
    const [first, second] = [await readyToShip(licenceId), await readyToShip(licenceId)];
    await expect(declare.execute(declaration(first, undefined, 'CNSHA'))).rejects.toMatchObject({ code: 'customs-office-mismatch' });
    await declare.execute(declaration(first));
    const before = (await licence(licenceId)).events.length;

    await expect(declare.execute(declaration(second))).rejects.toMatchObject({ code: 'single-use-licence-spent' });

    expect((await licence(licenceId)).events).toHaveLength(before);
    expect(await store.readStream(consignmentStreamId(second))).toHaveLength(4);
  });

  it('a cancel between the endorsement and the declaration: the consignment refuses and the endorsement is withdrawn at once', async () => {
    const licenceId = randomUUID();
    await issuedLicence(store, licenceId, 10_000, { kind: 'single-use' });
    const consignmentId = await readyToShip(licenceId);
    const streamId = consignmentStreamId(consignmentId);
    let overtaken = false;
    // A store that lets the exporter cancel just before the declaration is appended to the consignment.
    const racing = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<PostgresEventStore['appendToStream']>) => {
          if (args[0] === streamId && !overtaken) {
            overtaken = true;
            await cancel.execute(new CancelConsignmentCommand(consignmentId, 'buyer withdrew', randomUUID(), at('exporter')));
          }
          return target.appendToStream(...args);
        };
      },
    });

    const late = new DeclareShipmentHandler(racing, new LicenceReservations(racing), classificationFacts());
    await expect(late.execute(declaration(consignmentId))).rejects.toMatchObject({ code: 'invalid-transition' });

    const { events, state } = await licence(licenceId);
    expect(events.at(-1)).toMatchObject({ type: 'LicenceEndorsementWithdrawn', data: { consignmentId, number: 1, reason: 'declaration-refused' } });
    expect(declarationsLeft(state)).toBe(1);
    // The single use was given back: another lot declares under the licence.
    await declare.execute(declaration(await readyToShip(licenceId)));
    expect((await licence(licenceId)).state.endorsements.map((endorsement) => [endorsement.number, endorsement.withdrawnReason])).toEqual([
      [1, 'declaration-refused'],
      [2, null],
    ]);
  });
});
