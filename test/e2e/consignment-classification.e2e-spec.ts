import type { Role } from '@ree/platform/auth';
import { eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { aDeclaration, aShipment } from '../support/consignment-api';
import { given } from '../support/given';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';

const OFFICER: Role = 'licensing-officer';
const CUSTOMS: Role = 'customs-agent';
const ORG = `org-e2e-classify-${randomUUID().slice(0, 8)}`;
/** After announcement No. 18 of 2025 took effect (4 April 2025): dysprosium items are listed, cerium ones never. */
const DECLARED_ON = '2025-05-06';

const DY_OXIDE = { product: 'Dysprosium oxide 99.5 %', productForm: 'separated-oxide', element: 'Dy', hsCode: '2846.90', quantityKg: 500, destinationCountry: 'DE' };
const HO_OXIDE = { product: 'Holmium oxide 99.9 %', productForm: 'separated-oxide', element: 'Ho', hsCode: '2846.90', quantityKg: 300, destinationCountry: 'DE' };
const CE_OXIDE = { product: 'Cerium oxide 99.9 %', productForm: 'separated-oxide', element: 'Ce', hsCode: '2846.10', quantityKg: 800, destinationCountry: 'DE' };

interface HistoryEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * Issue 12's classification over HTTP: every consignment classified at registration and at the
 * shipment declaration by the control list in force on the day (the reference announcements loaded
 * at start), a licence required for a listed item or on a catch-all ground, none otherwise.
 */
describe('the classification of consignments over HTTP', () => {
  let app: TestApp;
  let mineId: string;
  const setUp = given(() => app);

  beforeAll(async () => {
    app = await startTestApp();
    mineId = await setUp.mineWithQuota(10_000_000);
    // The reference announcements are appended at start; the list read model has them once Dy oxide is controlled on the day.
    await eventually(
      async () => (await get(`/classification?element=Dy&productForm=separated-oxide&hsCode=2846.90&on=${DECLARED_ON}`)).body.controlled === true,
      { what: 'the reference announcements in the control list read model' },
    );
  });
  afterAll(() => app.close());

  const bearer = (role: Role) => `Bearer ${app.token(role, role === 'exporter' ? ORG : undefined)}`;
  const post = (path: string, body: object, role: Role = 'exporter') =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role)).send(body);
  const get = (path: string, role: Role = OFFICER) => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const customs = (id: string, step: string, body: object) => post(`/consignments/${id}/${step}`, body, CUSTOMS);

  /** An end user of its own per test, so that no other spec's listing or ownership fact reaches it. */
  const anEndUser = () => ({ name: `Hanau Magnetwerk ${randomUUID().slice(0, 8)} GmbH`, country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' });

  /** Registered, sourced and with its end-use declaration: no licence attached. */
  async function readyWithoutLicence(item: typeof CE_OXIDE, endUser = anEndUser(), commitments = aDeclaration().commitments): Promise<string> {
    const created = await post('/consignments', item);
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await post(`/consignments/${id}/mining-sources`, { mineId, extractionBatchRef: 'BO-2025-0117', kgReo: item.quantityKg, extractedOn: '2025-01-15' })).status).toBe(200);
    expect((await post(`/consignments/${id}/end-use-declaration`, aDeclaration({ endUser, commitments }))).status).toBe(200);
    return id;
  }

  const declaration = (item: typeof CE_OXIDE, overrides: object = {}) =>
    aShipment({ declaredNetKg: item.quantityKg, hsCode: item.hsCode, declaredOn: DECLARED_ON, ...overrides });

  async function history(id: string): Promise<HistoryEvent[]> {
    const response = await get(`/consignments/${id}/history`, 'auditor');
    expect(response.status).toBe(200);
    return response.body.events;
  }

  it('refuses a dysprosium oxide shipment without a licence: licence-required, naming the entry and its announcement', async () => {
    const id = await readyWithoutLicence(DY_OXIDE);
    const refused = await customs(id, 'shipment', declaration(DY_OXIDE));
    const problem = expectProblem(refused, 422, 'licence-required');
    expect(problem.detail).toEqual(expect.stringContaining('1C905'));
    expect(problem.detail).toEqual(expect.stringContaining('No. 18 of 2025'));

    const events = await history(id);
    expect(events.map((event) => event.type)).not.toContain('ShipmentDeclared');
    const classified = events.filter((event) => event.type === 'ConsignmentClassified');
    expect(classified).toHaveLength(1);
    expect(classified[0].data).toMatchObject({
      stage: 'registration',
      listPosition: expect.any(String),
      classification: { controlled: true, controlCode: expect.stringMatching(/^1C905/), licenceRequired: true, hsCodeMatches: true },
    });

    const review = await eventually(
      async () => (await get(`/consignments/${id}/review`)).body,
      (body) => body.classification !== undefined && body.classification !== null,
      { what: 'the review of the dysprosium oxide consignment' },
    );
    expect(review.classification).toMatchObject({
      stage: 'registration',
      controlled: true,
      licenceRequired: true,
      listPosition: expect.any(String),
      entries: [expect.objectContaining({ announcement: expect.stringContaining('No. 18 of 2025'), effectiveOn: '2025-04-04', textUrl: expect.any(String) })],
    });
    const search = await get(`/consignments?controlCode=${review.classification.controlCode}&exporterOrg=${ORG}`);
    expect(search.body.items.map((item: { consignmentId: string }) => item.consignmentId)).toContain(id);
  });

  it('declares, releases, departs and lands a cerium oxide shipment without any licence; both classifications are in the history', async () => {
    const id = await readyWithoutLicence(CE_OXIDE);
    expectProblem(await customs(id, 'shipment', declaration(CE_OXIDE, { controlRemark: 'controlled' })), 422, 'control-remark-contradicted');

    const declared = await customs(id, 'shipment', declaration(CE_OXIDE, { controlRemark: 'not-controlled' }));
    expect(declared.status).toBe(200);
    expect((await customs(id, 'shipment/release', { releasedOn: '2025-05-07' })).status).toBe(200);
    expect((await customs(id, 'shipment/departure', { departedAt: '2025-05-08T06:00:00Z', vesselOrFlight: 'COSCO Aries' })).status).toBe(200);
    const arrived = await customs(id, 'shipment/arrival', { arrivedAt: '2025-06-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: 'Hanau Magnetwerk' });
    expect(arrived.status).toBe(200);

    const events = (await history(id)).filter((event) => event.streamId === `consignment-${id}`);
    expect(events.map((event) => event.type)).toEqual([
      'ConsignmentRegistered', 'ConsignmentClassified', 'MiningSourceDeclared', 'EndUseDeclarationFiled',
      'ConsignmentClassified', 'ShipmentDeclared', 'ShipmentReleased', 'ShipmentDeparted', 'ShipmentArrived',
    ]);
    const [atRegistration, atDeclaration] = events.filter((event) => event.type === 'ConsignmentClassified');
    expect(atRegistration.data).toMatchObject({ stage: 'registration', listPosition: expect.any(String), classification: { controlled: false, licenceRequired: false } });
    expect(atDeclaration.data).toMatchObject({
      stage: 'shipment-declaration',
      listPosition: expect.any(String),
      classification: { on: DECLARED_ON, controlled: false, controlCode: null, licenceRequired: false, entries: [], catchAll: [] },
    });
    expect(events.find((event) => event.type === 'ShipmentDeclared')?.data).toMatchObject({ controlRemark: 'not-controlled' });

    await app.waitForPosition(arrived.body.position);
    const review = await get(`/consignments/${id}/review`);
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({
      status: 'arrived',
      licence: null,
      classification: { stage: 'shipment-declaration', on: DECLARED_ON, controlled: false, licenceRequired: false, listPosition: expect.any(String) },
      shipment: { controlRemark: 'not-controlled', releasedOn: '2025-05-07' },
    });
    const search = await get(`/consignments?controlled=false&exporterOrg=${ORG}`);
    expect(search.body.items.map((item: { consignmentId: string }) => item.consignmentId)).toContain(id);
  });

  it('honours a suspension to the day: holmium oxide ships without a licence on 15 January 2026 (No. 57 suspended by No. 70), not on 15 November 2026', async () => {
    const suspended = await readyWithoutLicence(HO_OXIDE);
    const declared = await customs(suspended, 'shipment', declaration(HO_OXIDE, { declaredOn: '2026-01-15', controlRemark: 'not-controlled' }));
    expect(declared.status).toBe(200);

    const inForce = await readyWithoutLicence(HO_OXIDE);
    const problem = expectProblem(await customs(inForce, 'shipment', declaration(HO_OXIDE, { declaredOn: '2026-11-15' })), 422, 'licence-required');
    expect(problem.detail).toEqual(expect.stringContaining('No. 57 of 2025'));
    expect(problem.detail).toEqual(expect.stringContaining('2026-11-15'));
  });

  it('refuses the same cerium oxide to an end user owned 50 % or more by a Watch-List party: licence-required', async () => {
    const endUser = anEndUser();
    const owner = `Kestrel Holdings ${randomUUID().slice(0, 8)} Ltd`;
    // The reference lists are defined at start; the Watch List is found by its published name.
    const lists = await eventually(
      async () => ((await get('/restricted-lists')).body.items ?? []) as Array<{ listId: string; name: string; consequence: string }>,
      (items) => items.some((list) => list.name.startsWith('Watch List')),
      { what: 'the Watch List among the restricted lists' },
    );
    const watchList = (lists ?? []).find((list) => list.name.startsWith('Watch List'));
    expect(watchList?.consequence).toBe('licence-required');
    const listed = await post('/restricted-parties', { name: owner, country: 'GB', reason: 'Supplies a restricted end user', listReference: 'WL-2025-7', listId: watchList?.listId }, OFFICER);
    expect(listed.status).toBe(201);
    const owned = await post(
      '/ownership',
      { owner: { name: owner, country: 'GB' }, owned: { name: endUser.name, country: endUser.country }, sharePercent: 60, source: 'Handelsregister HRB 1234', asOf: '2025-04-01' },
      OFFICER,
    );
    expect([201, 200]).toContain(owned.status);
    await app.waitForPosition(owned.body.position ?? listed.body.position);

    const id = await readyWithoutLicence(CE_OXIDE, endUser);
    const problem = expectProblem(await customs(id, 'shipment', declaration(CE_OXIDE)), 422, 'licence-required');
    expect(problem.detail).toEqual(expect.stringContaining(owner));
    expect(problem.detail).toEqual(expect.stringContaining('Watch List'));
  });

  it('refuses a cerium oxide shipment whose end-use declaration does not exclude military use: licence-required', async () => {
    const military = { noMilitaryUse: false, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true };
    const id = await readyWithoutLicence(CE_OXIDE, anEndUser(), military);
    const problem = expectProblem(await customs(id, 'shipment', declaration(CE_OXIDE)), 422, 'licence-required');
    expect(problem.detail).toEqual(expect.stringContaining('military'));
  });

  it("refuses a cerium oxide shipment after a licensing officer's notice: licence-required with the officer's reason", async () => {
    const id = await readyWithoutLicence(CE_OXIDE);
    expect((await post(`/consignments/${id}/licence-notices`, { reason: 'Intelligence on a military end use' }, 'exporter')).status).toBe(403);
    const notified = await post(`/consignments/${id}/licence-notices`, { reason: 'Intelligence on a military end use' }, OFFICER);
    expect(notified.status).toBe(200);
    const problem = expectProblem(await customs(id, 'shipment', declaration(CE_OXIDE)), 422, 'licence-required');
    expect(problem.detail).toEqual(expect.stringContaining('Intelligence on a military end use'));
    expect((await history(id)).map((event) => event.type)).toContain('LicenceRequirementNotified');
  });
});
