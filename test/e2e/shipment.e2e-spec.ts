import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';
import { given } from '../support/given';
import { aDeclaration, anApplication, aShipment, MULTI_USE } from '../support/consignment-api';

const OFFICER: Role = 'licensing-officer';
const CUSTOMS: Role = 'customs-agent';
const APPROVER = 'officer-e2e-shipment-approver';
const COUNTERSIGNER = 'officer-e2e-shipment-countersigner';
const ORG = `org-e2e-shipper-${randomUUID().slice(0, 8)}`;
const anInspection = { inspectedOn: '2025-03-02', measuredNetKg: 11480.25, sealNos: ['CN1234567'], result: 'discrepancy', notes: 'Weighed at gate 3' };
const aDeparture = { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' };
const anArrival = { arrivedAt: '2025-04-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: 'Vacuumschmelze GmbH & Co. KG' };
const aCheck = { checkedOn: '2025-06-01', outcome: 'verified', notes: 'Site visit in Hanau' };

describe('the customs shipment and the end-use check over HTTP', () => {
  let app: TestApp;
  let mineId: string;
  const setUp = given(() => app);

  beforeAll(async () => {
    app = await startTestApp();
    mineId = await setUp.mineWithQuota(10_000_000);
  });
  afterAll(() => app.close());

  const bearer = (role: Role, sub?: string) => `Bearer ${app.token(role, role === 'exporter' ? ORG : undefined, sub)}`;
  function post(path: string, body: object, role: Role = 'exporter', sub?: string) {
    return app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, sub)).send(body);
  }
  const customs = (id: string, step: string, body: object) => post(`/consignments/${id}/${step}`, body, CUSTOMS);
  const refusal = (response: { status: number; body: { code?: string } }) => [response.status, response.body.code];

  const issuedLicence = (kind: object = {}): Promise<string> =>
    setUp.issuedLicence(anApplication(kind), { exporter: { org: ORG }, approver: APPROVER, countersigner: COUNTERSIGNER });

  /** A consignment (12 t unless told), sourced, licensed on `licenceId` for all of it and, unless told otherwise, with its end-use declaration. */
  async function readyToShip(licenceId: string, { endUse = true, quantityKg = 12000 } = {}): Promise<string> {
    const created = await post('/consignments', { product: 'NdPr oxide 99 %', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg, destinationCountry: 'DE' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await post(`/consignments/${id}/mining-sources`, { mineId, extractionBatchRef: 'BO-2025-0117', kgReo: 14000, extractedOn: '2025-01-15' })).status).toBe(200);
    expect((await post(`/consignments/${id}/licence`, { licenceId })).status).toBe(200);
    if (endUse) expect((await post(`/consignments/${id}/end-use-declaration`, aDeclaration())).status).toBe(200);
    return id;
  }

  async function readLicence(id: string, position: string) {
    await app.waitForPosition(position);
    const read = await app.http().get(`/api/v1/licences/${id}`).set('Authorization', bearer(CUSTOMS));
    expect(read.status).toBe(200);
    return read.body;
  }

  it('declares, inspects, holds, lifts, releases (the licence records the shipment), departs, arrives, is checked and closed', async () => {
    const licenceId = await issuedLicence();
    const id = await readyToShip(licenceId);

    const declared = await customs(id, 'shipment', aShipment({ declaredNetKg: 11500 }));
    expect([declared.status, declared.body.id, declared.body.revision]).toEqual([200, id, 6]);
    expect(refusal(await customs(id, 'shipment', aShipment()))).toEqual([422, 'invalid-transition']);

    expect((await customs(id, 'shipment/inspection', anInspection)).body.revision).toBe(7);
    expect((await customs(id, 'shipment/hold', { reason: 'Measured mass below the declaration' })).body.revision).toBe(8);
    expect(refusal(await customs(id, 'shipment/hold', { reason: 'twice' }))).toEqual([422, 'invalid-transition']);
    expect(refusal(await customs(id, 'shipment/release', { releasedOn: '2025-03-03' }))).toEqual([422, 'invalid-transition']);
    expect(refusal(await post(`/consignments/${id}/end-use-checks`, aCheck, OFFICER))).toEqual([422, 'invalid-transition']);
    expect((await customs(id, 'shipment/lift-hold', { reason: 'Re-weighed: 11 500 kg' })).body.revision).toBe(9);
    expect(refusal(await customs(id, 'shipment/lift-hold', { reason: 'twice' }))).toEqual([422, 'invalid-transition']);

    expect(refusal(await customs(id, 'shipment/departure', aDeparture))).toEqual([422, 'invalid-transition']);
    const released = await customs(id, 'shipment/release', { releasedOn: '2025-03-03' });
    expect([released.status, released.body.revision]).toEqual([200, 10]);
    expect(await readLicence(licenceId, released.body.position)).toMatchObject({ allocatedKg: 11500, shippedKg: 11500, remainingKg: 8500 });
    expect(refusal(await customs(id, 'shipment/release', { releasedOn: '2025-03-03' }))).toEqual([422, 'invalid-transition']);
    expect(refusal(await customs(id, 'shipment/hold', { reason: 'too late' }))).toEqual([422, 'invalid-transition']);
    expect(refusal(await post(`/consignments/${id}/cancel`, { reason: 'too late' }))).toEqual([422, 'invalid-transition']);

    expect(refusal(await customs(id, 'shipment/arrival', anArrival))).toEqual([422, 'invalid-transition']);
    expect((await customs(id, 'shipment/departure', aDeparture)).body.revision).toBe(11);
    expect((await customs(id, 'shipment/arrival', anArrival)).body.revision).toBe(12);
    expect(refusal(await customs(id, 'shipment/arrival', anArrival))).toEqual([422, 'invalid-transition']);
    const checked = await post(`/consignments/${id}/end-use-checks`, aCheck, OFFICER);
    expect([checked.status, checked.body.revision]).toEqual([200, 13]);
    const closed = await post(`/consignments/${id}/close`, {}, OFFICER);
    expect([closed.status, closed.body.revision]).toEqual([200, 14]);
    expect(refusal(await post(`/consignments/${id}/end-use-checks`, aCheck, OFFICER))).toEqual([422, 'invalid-transition']);
  });

  it('refuses a declaration with the code of docs/domain.md for each missing precondition or mismatch', async () => {
    const licenceId = await issuedLicence();
    const bare = await post('/consignments', { product: 'NdPr oxide', productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: 100, destinationCountry: 'DE' });
    expectProblem(await customs(bare.body.id, 'shipment', aShipment()), 422, 'mining-source-missing');

    const withoutEndUse = await readyToShip(await issuedLicence(), { endUse: false });
    expectProblem(await customs(withoutEndUse, 'shipment', aShipment()), 422, 'end-use-declaration-missing');

    const id = await readyToShip(licenceId);
    expectProblem(await customs(id, 'shipment', aShipment({ hsCode: '2805.30' })), 422, 'licence-scope-mismatch');
    expectProblem(await customs(id, 'shipment', aShipment({ destinationCountry: 'FR' })), 422, 'licence-scope-mismatch');
    expectProblem(await customs(id, 'shipment', aShipment({ declaredNetKg: 12000.001 })), 422, 'licence-balance-exceeded');

    expect((await post(`/licences/${licenceId}/suspend`, { reason: 'End user under review' }, OFFICER, APPROVER)).status).toBe(200);
    expectProblem(await customs(id, 'shipment', aShipment()), 422, 'licence-not-active');
  });

  it('licence-not-active at release: a licence suspended after the declaration ships nothing', async () => {
    const licenceId = await issuedLicence();
    const id = await readyToShip(licenceId);
    expect((await customs(id, 'shipment', aShipment())).status).toBe(200);
    const suspended = await post(`/licences/${licenceId}/suspend`, { reason: 'End user under review' }, OFFICER, APPROVER);
    expect(suspended.status).toBe(200);
    expectProblem(await customs(id, 'shipment/release', { releasedOn: '2025-03-03' }), 422, 'licence-not-active');
    expect(await readLicence(licenceId, suspended.body.position)).toMatchObject({ shippedKg: 0, allocatedKg: 12000 });
  });

  it('a release retried with its Idempotency-Key answers the same and ships once', async () => {
    const licenceId = await issuedLicence();
    const id = await readyToShip(licenceId);
    expect((await customs(id, 'shipment', aShipment())).status).toBe(200);
    const key = `e2e-${randomUUID()}`;
    const send = () =>
      app.http().post(`/api/v1/consignments/${id}/shipment/release`).set('Authorization', bearer(CUSTOMS)).set('Idempotency-Key', key).send({ releasedOn: '2025-03-03' });
    const first = await send();
    const repeat = await send();
    expect(first.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(await readLicence(licenceId, first.body.position)).toMatchObject({ shippedKg: 12000, remainingKg: 8000 });
  });

  it('ten releases at once on one licence each record their shipment; twenty of one consignment ship it once', async () => {
    // Ten declarations under one licence: a multi-use licence (a single-use one takes one declaration).
    const licenceId = await issuedLicence(MULTI_USE);
    const ids: string[] = [];
    for (let index = 0; index < 10; index++) ids.push(await readyToShip(licenceId, { quantityKg: 2000 }));
    for (const id of ids) expect((await customs(id, 'shipment', aShipment({ declaredNetKg: 1999.5 }))).status).toBe(200);
    const releases = await Promise.all(ids.map((id) => customs(id, 'shipment/release', { releasedOn: '2025-03-03' })));
    expect(releases.map((release) => [release.status, release.body.revision])).toEqual(ids.map(() => [200, 7]));
    await Promise.all(releases.map((release) => app.waitForPosition(release.body.position)));
    expect(await readLicence(licenceId, releases[0].body.position)).toMatchObject({ status: 'issued', allocatedKg: 19995, shippedKg: 19995, remainingKg: 5 });

    const otherLicence = await issuedLicence();
    const one = await readyToShip(otherLicence);
    expect((await customs(one, 'shipment', aShipment())).status).toBe(200);
    const racing = await Promise.all(Array.from({ length: 20 }, () => customs(one, 'shipment/release', { releasedOn: '2025-03-03' })));
    const won = racing.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    const lost = new Set(racing.filter((answer) => answer.status !== 200).map((answer) => refusal(answer).join(' ')));
    expect([...lost].filter((answer) => !['409 concurrency-conflict', '422 invalid-transition'].includes(answer))).toEqual([]);
    expect(await readLicence(otherLicence, won[0].body.position)).toMatchObject({ shippedKg: 12000, allocatedKg: 12000, remainingKg: 8000 });
  });

  it('400 for a malformed body, 401 without a token, 403 for the wrong role, 404 for an unknown consignment', async () => {
    const id = randomUUID();
    const invalid = await customs(id, 'shipment', aShipment({ portOfExport: 'Tianjin', containerNos: [], declaredNetKg: -1, declaredOn: '2025-02-30' }));
    expectProblem(invalid, 400, 'validation-failed');
    expect((invalid.body.errors as Array<{ field: string }>).map((error) => error.field).sort()).toEqual(['containerNos', 'declaredNetKg', 'declaredOn', 'portOfExport']);
    expectProblem(await customs(id, 'shipment/inspection', { ...anInspection, result: 'fine' }), 400, 'validation-failed');
    expectProblem(await customs(id, 'shipment/departure', { ...aDeparture, departedAt: 'yesterday' }), 400, 'validation-failed');
    expectProblem(await post(`/consignments/${id}/end-use-checks`, { ...aCheck, outcome: 'ok' }, OFFICER), 400, 'validation-failed');

    expect((await app.http().post(`/api/v1/consignments/${id}/shipment`).send(aShipment())).status).toBe(401);
    for (const step of ['shipment', 'shipment/inspection', 'shipment/hold', 'shipment/lift-hold', 'shipment/release', 'shipment/departure', 'shipment/arrival']) {
      expect([step, (await post(`/consignments/${id}/${step}`, {}, 'exporter')).status]).toEqual([step, 403]);
    }
    expect((await post(`/consignments/${id}/end-use-checks`, aCheck, CUSTOMS)).status).toBe(403);
    expect((await post(`/consignments/${id}/end-use-checks`, aCheck, 'exporter')).status).toBe(403);

    expectProblem(await customs(id, 'shipment', aShipment()), 404, 'not-found');
    expectProblem(await customs(id, 'shipment/hold', { reason: 'x' }), 404, 'not-found');
    expectProblem(await post(`/consignments/${id}/end-use-checks`, aCheck, OFFICER), 404, 'not-found');
  });
});
