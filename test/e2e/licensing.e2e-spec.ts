import { UNRELIABLE_ENTITY_LIST_ID } from '@ree/registry';
import { randomUUID } from 'node:crypto';
import type { Role } from '@ree/platform/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { given } from '../support/given';

const APPROVER = 'officer-e2e-approver';
const COUNTERSIGNER = 'officer-e2e-countersigner';
const NOT_OFFICERS: Role[] = ['exporter', 'customs-agent', 'auditor', 'admin'];
const letters = () => randomUUID().replace(/[^a-f]/g, '').slice(0, 6).padEnd(6, 'x');

const anApplication = (consigneeName = 'Vacuumschmelze Hanau') => ({
  consignee: { name: consigneeName, country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
  endUser: { name: 'Siemens Gamesa Renewable Energy', country: 'DE', address: 'Beim Strohhause 17, Hamburg' },
  destinationCountry: 'DE',
  items: [
    { product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000.5 },
    { product: 'Dysprosium metal ≥ 99.5 %', hsCode: '2805.30', element: 'Dy', quantityKg: 500 },
  ],
  intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
});
const terms = { validFrom: '2025-01-01', validUntil: '2099-12-31', conditions: ['No re-export without consent'] };

describe('licences over HTTP', () => {
  let app: TestApp;
  const org = `org-e2e-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role, sub?: string, exporterOrg = org) => `Bearer ${app.token(role, role === 'exporter' ? exporterOrg : undefined, sub)}`;
  const post = (path: string, body: object, role: Role = 'licensing-officer', sub = APPROVER) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, sub)).send(body);
  const get = (path: string, role: Role = 'licensing-officer', exporterOrg = org) =>
    app.http().get(`/api/v1${path}`).set('Authorization', bearer(role, undefined, exporterOrg));
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);
  const refusal = (response: { status: number; body: { code?: string } }) => [response.status, response.body.code];

  async function applied(application = anApplication()): Promise<{ id: string; position: string }> {
    const response = await post('/licences', application, 'exporter', 'exporter-e2e');
    expect(response.status).toBe(201);
    return response.body;
  }

  const issuedLicence = (): Promise<string> =>
    given(() => app).issuedLicence(anApplication(), { exporter: { org, sub: 'exporter-e2e' }, approver: APPROVER, countersigner: COUNTERSIGNER, terms });

  async function read(id: string, position: string, role: Role = 'licensing-officer') {
    await app.waitForPosition(position);
    return get(`/licences/${id}`, role);
  }

  it('applies, approves, countersigns, suspends, reinstates and revokes, with four eyes at the issue and the revocation', async () => {
    const application = anApplication();
    const appliedResponse = await post('/licences', application, 'exporter', 'exporter-e2e');
    expect(appliedResponse.status).toBe(201);
    expect(appliedResponse.body).toEqual({ id: expect.any(String), revision: 1, position: expect.any(String) });
    expect(appliedResponse.headers.location).toBe(`/api/v1/licences/${appliedResponse.body.id}`);
    const id = appliedResponse.body.id;

    const screened = await read(id, appliedResponse.body.position, 'exporter');
    expect(screened.status).toBe(200);
    expect(screened.body).toMatchObject({ licenceId: id, exporterOrg: org, status: 'screened', destinationCountry: 'DE', issuedKg: 0 });
    expect(screened.body.screening).toMatchObject({ clear: true, matches: [], algorithm: expect.any(String), threshold: expect.any(Number) });

    const approved = await post(`/licences/${id}/approve`, { ...terms, issuedQuantityKg: [15000.25, 500] });
    expect([approved.status, approved.body.revision]).toEqual([200, 3]);

    expect(refusal(await post(`/licences/${id}/issue`, {}))).toEqual([422, 'four-eyes-required']);
    const issuedResponse = await post(`/licences/${id}/issue`, {}, 'licensing-officer', COUNTERSIGNER);
    expect([issuedResponse.status, issuedResponse.body.revision]).toEqual([200, 5]);

    const issued = await read(id, issuedResponse.body.position);
    expect(issued.body).toMatchObject({
      status: 'issued',
      validFrom: '2025-01-01',
      validUntil: '2099-12-31',
      approvedBy: APPROVER,
      countersignedBy: COUNTERSIGNER,
      issuedKg: 15500.25,
      allocatedKg: 0,
      shippedKg: 0,
      remainingKg: 15500.25,
      consignments: [],
    });
    expect(issued.body.items.map((item: { requestedKg: number; issuedKg: number }) => [item.requestedKg, item.issuedKg])).toEqual([
      [20000.5, 15000.25],
      [500, 500],
    ]);

    expect((await post(`/licences/${id}/suspend`, { reason: 'End-use check pending' })).status).toBe(200);
    expect(refusal(await post(`/licences/${id}/revoke`, { reason: 'by the suspender' }))).toEqual([422, 'four-eyes-required']);
    expect((await post(`/licences/${id}/reinstate`, { reason: 'End-use check passed' })).status).toBe(200);
    expect((await post(`/licences/${id}/suspend`, { reason: 'Diversion reported' })).status).toBe(200);
    const revoked = await post(`/licences/${id}/revoke`, { reason: 'Diversion confirmed' }, 'licensing-officer', COUNTERSIGNER);
    expect(revoked.status).toBe(200);

    const final = await read(id, revoked.body.position, 'auditor');
    expect(final.body).toMatchObject({ status: 'revoked', statusReason: 'Diversion confirmed', revision: revoked.body.revision });
  });

  it('refuses the approval with restricted-party-match when the consignee is on the restricted list', async () => {
    const name = `Kestrel ${letters()} Magnetics Trading`;
    const listed = await post('/restricted-parties', { name, country: 'DE', reason: 'Diversion to a restricted end use', listReference: 'UEL-E2E' });
    expect(listed.status).toBe(201);
    await app.waitForPosition(listed.body.position);

    const licence = await applied(anApplication(name));
    const screened = await read(licence.id, licence.position);
    expect(screened.body.screening).toMatchObject({ clear: false, matches: [{ partyId: listed.body.id, name, score: 1, field: 'consignee' }] });

    expect(refusal(await post(`/licences/${licence.id}/approve`, terms))).toEqual([422, 'restricted-party-match']);
    expect((await post(`/licences/${licence.id}/reject`, { reason: 'Consignee is a restricted party' })).status).toBe(200);
  });

  it('screens a consignee written in Cyrillic look-alikes, or with a zero-width space, as the listed party: no approval', async () => {
    const listed = await post('/restricted-parties', { name: 'Kestrel Aerospace Alloys GmbH', country: 'DE', reason: 'Diversion to military aerospace', listReference: 'UEL-E2E-LOOK' });
    expect(listed.status).toBe(201);
    await app.waitForPosition(listed.body.position);

    for (const consignee of ['Кеstrel Аerospace Alloys GmbH', 'Kes\u200btrel Aerospace Alloys GmbH']) {
      const licence = await applied(anApplication(consignee));
      const screened = await read(licence.id, licence.position);
      expect(screened.body.screening.clear).toBe(false);
      expect(screened.body.screening.algorithm).toMatch(/uts39-skeleton/);
      expect(screened.body.screening.skeletons).toMatchObject({ consignee: 'kestrel aerospace alloys' });
      expect(screened.body.screening.matches).toContainEqual({
        partyId: listed.body.id,
        name: 'Kestrel Aerospace Alloys GmbH',
        score: 1,
        field: 'consignee',
        listedName: 'Kestrel Aerospace Alloys GmbH',
        listedSkeleton: 'kestrel aerospace alloys',
        candidateName: consignee,
        candidateSkeleton: 'kestrel aerospace alloys',
        // Listed without a list: the Unreliable Entity List, whose consequence refuses; a match on the name has no chain.
        listId: UNRELIABLE_ENTITY_LIST_ID,
        listName: 'Unreliable Entity List (不可靠实体清单)',
        consequence: 'refuse',
        chain: [],
      });
      expect(refusal(await post(`/licences/${licence.id}/approve`, terms))).toEqual([422, 'restricted-party-match']);
    }
  });

  it('an application retried with its Idempotency-Key lands on the same licence, once; If-Match guards a decision', async () => {
    const key = randomUUID();
    const send = () =>
      app.http().post('/api/v1/licences').set('Authorization', bearer('exporter', 'exporter-e2e')).set('Idempotency-Key', key).send(anApplication());
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toEqual(first.body);
    expect(first.body.revision).toBe(1);

    const stale = await post(`/licences/${first.body.id}/approve`, terms).set('If-Match', '"0"');
    expect(stale.status).toBe(412);
    expect((await post(`/licences/${first.body.id}/approve`, terms).set('If-Match', '"1"')).status).toBe(200);
  });

  it('refuses steps in the wrong order with invalid-transition', async () => {
    const licence = await applied();
    expect(refusal(await post(`/licences/${licence.id}/issue`, {}, 'licensing-officer', COUNTERSIGNER))).toEqual([422, 'invalid-transition']);
    expect(refusal(await post(`/licences/${licence.id}/suspend`, { reason: 'r' }))).toEqual([422, 'invalid-transition']);
    const id = await issuedLicence();
    expect(refusal(await post(`/licences/${id}/reject`, { reason: 'too late' }))).toEqual([422, 'invalid-transition']);
    expect(refusal(await post(`/licences/${id}/reinstate`, { reason: 'not suspended' }))).toEqual([422, 'invalid-transition']);
  });

  it('refuses more than was requested with issued-quantity-invalid', async () => {
    const licence = await applied();
    const response = await post(`/licences/${licence.id}/approve`, { ...terms, issuedQuantityKg: [20000.501, 500] });
    expect(refusal(response)).toEqual([422, 'issued-quantity-invalid']);
  });

  it('refuses malformed input with 400 naming every failing field, unknown fields included', async () => {
    const application = await post(
      '/licences',
      { consignee: { name: '', country: 'XX' }, destinationCountry: 'Germany', items: [{ product: 'x', hsCode: '9999.99', element: 'Fe', quantityKg: 1.0001 }], colour: 'red' },
      'exporter',
    );
    expect(application.status).toBe(400);
    expect(fieldsOf(application.body)).toEqual(
      expect.arrayContaining([
        'consignee.name',
        'consignee.country',
        'consignee.address',
        'endUser',
        'destinationCountry',
        'items[0].hsCode',
        'items[0].element',
        'items[0].quantityKg',
        'intendedEndUse',
        'colour',
      ]),
    );
    const licence = await applied();
    const approval = await post(`/licences/${licence.id}/approve`, { validFrom: '2025-02-30', validUntil: '2024-12-31', issuedQuantityKg: [0] });
    expect(approval.status).toBe(400);
    expect(fieldsOf(approval.body)).toEqual(expect.arrayContaining(['validFrom', 'validUntil', 'conditions', 'issuedQuantityKg']));
    expect((await post(`/licences/${licence.id}/suspend`, {})).status).toBe(400);
    expect((await get('/licences?status=pending')).status).toBe(400);
    expect((await get('/licences/not-a-uuid')).status).toBe(400);
  });

  it('answers 401 without a token', async () => {
    expect((await app.http().post('/api/v1/licences').send(anApplication())).status).toBe(401);
    expect((await app.http().get('/api/v1/licences')).status).toBe(401);
  });

  it('answers 403 to a role outside its part: only exporters apply, only officers decide', async () => {
    const licence = await applied();
    for (const role of ['licensing-officer', 'customs-agent', 'auditor', 'admin'] as Role[]) {
      expect((await post('/licences', anApplication(), role)).status).toBe(403);
    }
    for (const role of NOT_OFFICERS) {
      expect((await post(`/licences/${licence.id}/approve`, terms, role)).status).toBe(403);
      expect((await post(`/licences/${licence.id}/issue`, {}, role)).status).toBe(403);
      expect((await post(`/licences/${licence.id}/revoke`, { reason: 'r' }, role)).status).toBe(403);
    }
  });

  it("answers 404 for an unknown licence, and for another organisation's licence to an exporter", async () => {
    const unknown = randomUUID();
    expect((await post(`/licences/${unknown}/approve`, terms)).status).toBe(404);
    expect((await post(`/licences/${unknown}/suspend`, { reason: 'r' })).status).toBe(404);
    expect((await get(`/licences/${unknown}`)).status).toBe(404);

    const licence = await applied();
    await app.waitForPosition(licence.position);
    expect((await get(`/licences/${licence.id}`, 'exporter', 'org-someone-else')).status).toBe(404);
    const theirs = await get(`/licences?exporterOrg=${org}`, 'exporter', 'org-someone-else');
    expect([theirs.status, theirs.body.items]).toEqual([200, []]);
    for (const role of ['exporter', 'customs-agent', 'auditor', 'admin'] as Role[]) {
      expect((await get(`/licences/${licence.id}`, role)).status).toBe(200);
    }
  });

  it('lists licences by status and organisation, newest first, a page at a time', async () => {
    const first = await applied();
    const second = await applied();
    await app.waitForPosition(second.position);

    const page = await get(`/licences?exporterOrg=${org}&status=screened&destinationCountry=DE&limit=1`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((item: { licenceId: string }) => item.licenceId)).toEqual([second.id]);
    const next = await get(`/licences?exporterOrg=${org}&status=screened&limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((item: { licenceId: string }) => item.licenceId)).toEqual([first.id]);
    const own = await get('/licences?limit=200', 'exporter');
    expect(own.body.items.every((item: { exporterOrg: string }) => item.exporterOrg === org)).toBe(true);
  });
});
