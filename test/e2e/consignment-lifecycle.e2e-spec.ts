import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import { aDeclaration, END_USER } from '../support/consignment-api';
import { startTestApp, TestApp } from '../support/test-app';

const OFFICER: Role = 'licensing-officer';
const CUSTOMS: Role = 'customs-agent';
const APPROVER = 'officer-e2e-lifecycle-wang';
const COUNTERSIGNER = 'officer-e2e-lifecycle-li';
const ORG = `org-e2e-lifecycle-${randomUUID().slice(0, 8)}`;
const CONSIGNEE = { name: 'Magnetfabrik Bonn GmbH', country: 'DE', address: 'Dorotheenstraße 215, 53119 Bonn' };

/**
 * One consignment's whole life through the public API, as the authority's staff and the exporter
 * would walk it: from the mines' registration to the closed file, each answer and each read-back checked.
 */
describe('a consignment from mine registration to close', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role, sub?: string) => `Bearer ${app.token(role, role === 'exporter' ? ORG : undefined, sub)}`;
  const post = (path: string, body: object, role: Role, sub?: string) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, sub)).send(body);
  async function read(path: string, position: string, role: Role = OFFICER) {
    await app.waitForPosition(position);
    const response = await app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
    expect(response.status).toBe(200);
    return response.body;
  }
  /** A command accepted (200) at this revision of its stream; answers its body. */
  async function ok(request: PromiseLike<{ status: number; body: { revision: number; position: string } }>, revision: number) {
    const { status, body } = await request;
    expect({ status, revision: body.revision }).toEqual({ status: 200, revision });
    return body;
  }

  it('walks every stage, and the licence and the mines account for every kilogram', async () => {
    const mines: string[] = [];
    for (const [name, depositType] of [['Bayan Obo East', 'bastnaesite'], ['Weishan', 'monazite']]) {
      const mine = await post(
        '/mines',
        { name: `${name} ${randomUUID().slice(0, 8)}`, operator: 'China Northern Rare Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType },
        OFFICER,
      );
      expect(mine.status).toBe(201);
      expect((await post(`/mines/${mine.body.id}/quotas`, { year: 2025, category: 'light', quotaKgReo: 50000 }, OFFICER)).status).toBe(200);
      mines.push(mine.body.id);
    }
    const [mineA, mineB] = mines;

    for (const party of [CONSIGNEE, END_USER]) {
      const screening = await app.http().get(`/api/v1/screening?name=${encodeURIComponent(party.name)}&country=DE`).set('Authorization', bearer(OFFICER));
      expect([screening.status, screening.body.matches]).toEqual([200, []]);
    }

    const applied = await post(
      '/licences',
      {
        consignee: CONSIGNEE,
        endUser: END_USER,
        destinationCountry: 'DE',
        items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 15000 }],
        intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
      },
      'exporter',
    );
    expect(applied.status).toBe(201);
    const licenceId = applied.body.id;
    await ok(post(`/licences/${licenceId}/approve`, { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: ['No re-export without consent'], issuedQuantityKg: [12000] }, OFFICER, APPROVER), 3);
    const issued = await ok(post(`/licences/${licenceId}/issue`, {}, OFFICER, COUNTERSIGNER), 5);
    expect(await read(`/licences/${licenceId}`, issued.position)).toMatchObject({ status: 'issued', issuedKg: 12000, allocatedKg: 0, shippedKg: 0, remainingKg: 12000 });

    const registered = await post(
      '/consignments',
      { product: 'Praseodymium-neodymium oxide 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: 12000, destinationCountry: 'DE' },
      'exporter',
    );
    expect([registered.status, registered.body.revision]).toEqual([201, 1]);
    const id = registered.body.id;
    const at = (path: string) => `/consignments/${id}/${path}`;

    await ok(post(at('mining-sources'), { mineId: mineA, extractionBatchRef: 'BO-2025-0117', kgReo: 8000, extractedOn: '2025-01-15' }, 'exporter'), 2);
    const fromB = await ok(post(at('mining-sources'), { mineId: mineB, extractionBatchRef: 'WS-2025-0042', kgReo: 6000.5, extractedOn: '2025-01-20' }, 'exporter'), 3);
    expect((await read(`/mines/${mineB}`, fromB.position)).quotas[0]).toMatchObject({ drawnKgReo: 6000.5, remainingKgReo: 43999.5 });
    const facility = { id: 'fac-baotou-sep-2', name: 'Baotou separation plant 2', region: 'Inner Mongolia' };
    await ok(post(at('processing-steps'), { facility, process: 'separation', inputForm: 'mixed-carbonate', outputForm: 'mixed-oxide', inputKgReo: 14000.5, outputKgReo: 12600, completedOn: '2025-02-05' }, 'exporter'), 4);
    await ok(post(at('processing-steps'), { facility, process: 'conversion', inputForm: 'mixed-oxide', outputForm: 'separated-oxide', inputKgReo: 12600, outputKgReo: 12050, completedOn: '2025-02-10' }, 'exporter'), 5);

    const attached = await ok(post(at('licence'), { licenceId }, 'exporter'), 6);
    expect(await read(`/licences/${licenceId}`, attached.position)).toMatchObject({ status: 'issued', allocatedKg: 12000, shippedKg: 0, remainingKg: 0 });
    await ok(
      post(
        at('end-use-declaration'),
        aDeclaration(),
        'exporter',
      ),
      7,
    );

    const shipment = {
      customsDeclarationNo: '020120250000123456',
      portOfExport: 'CNTSN',
      carrier: 'COSCO Shipping',
      containerNos: ['CSNU1234565'],
      declaredNetKg: 12000,
      hsCode: '2846.90',
      destinationCountry: 'DE',
      declaredOn: '2025-03-01',
    };
    await ok(post(at('shipment'), shipment, CUSTOMS), 9);
    await ok(post(at('shipment/inspection'), { inspectedOn: '2025-03-02', measuredNetKg: 12001.5, sealNos: ['CN1234567'], result: 'conforming', notes: '' }, CUSTOMS), 10);
    await ok(post(at('shipment/hold'), { reason: 'Seal number differs from the declaration' }, CUSTOMS), 11);
    await ok(post(at('shipment/lift-hold'), { reason: 'Resealed under supervision' }, CUSTOMS), 12);
    const released = await ok(post(at('shipment/release'), { releasedOn: '2025-03-03' }, CUSTOMS), 13);
    expect(await read(`/licences/${licenceId}`, released.position, 'exporter')).toMatchObject({ status: 'exhausted', issuedKg: 12000, allocatedKg: 12000, shippedKg: 12000, remainingKg: 0 });
    await ok(post(at('shipment/departure'), { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' }, CUSTOMS), 14);
    await ok(post(at('shipment/arrival'), { arrivedAt: '2025-04-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: END_USER.name }, CUSTOMS), 15);
    await ok(post(at('end-use-checks'), { checkedOn: '2025-06-01', outcome: 'verified', notes: 'Site visit in Hanau: magnets in production' }, OFFICER), 16);
    const closed = await ok(post(at('close'), {}, OFFICER), 17);

    expect((await read(`/mines/${mineA}`, closed.position)).quotas[0]).toMatchObject({ allocatedKgReo: 50000, drawnKgReo: 8000, remainingKgReo: 42000 });
    expect((await read(`/mines/${mineB}`, closed.position)).quotas[0]).toMatchObject({ allocatedKgReo: 50000, drawnKgReo: 6000.5, remainingKgReo: 43999.5 });
    expect(await read(`/licences/${licenceId}`, closed.position)).toMatchObject({ status: 'exhausted', shippedKg: 12000, remainingKg: 0 });
    const after = await post(at('end-use-checks'), { checkedOn: '2025-07-01', outcome: 'verified' }, OFFICER);
    expect([after.status, after.body.code]).toEqual([422, 'invalid-transition']);
  });
});
