import type { Role } from '@ree/platform/auth';
import { randomUUID } from 'node:crypto';
import { eventually } from '@ree/testing';
import { startTestApp, TestApp } from '../support/test-app';
import { given } from '../support/given';
import { aConsignment, aDeclaration as aDeclarationAs, anApplication, END_USER } from '../support/consignment-api';

const OFFICER: Role = 'licensing-officer';
const APPROVER = 'officer-e2e-licence-approver';
const COUNTERSIGNER = 'officer-e2e-licence-countersigner';
const ORG = `org-e2e-${randomUUID().slice(0, 8)}`;
const COMPETITOR = `org-e2e-competitor-${randomUUID().slice(0, 8)}`;

/** Named as the licence's end user is, in other letters; the document's digest in capitals: both still match. */
const aDeclaration = (overrides: object = {}) =>
  aDeclarationAs({ endUser: { name: 'VACUUMSCHMELZE GMBH', country: 'DE', address: 'Grüner Weg 37, Hanau' }, documentSha256: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', ...overrides });

describe('licence attachment and end-use declaration over HTTP', () => {
  let app: TestApp;
  let mineId: string;
  const setUp = given(() => app);

  beforeAll(async () => {
    app = await startTestApp();
    mineId = await setUp.mineWithQuota(10_000_000);
  });
  afterAll(() => app.close());

  const bearer = (role: Role, org = ORG, sub?: string) => `Bearer ${app.token(role, role === 'exporter' ? org : undefined, sub)}`;
  function post(path: string, body: object, role: Role = 'exporter', org = ORG, sub?: string) {
    return app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, org, sub)).send(body);
  }
  const refusal = (response: { status: number; body: { code?: string } }) => [response.status, response.body.code];
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);

  const licence = (overrides: object = {}, { issue = true, org = ORG } = {}): Promise<string> =>
    setUp.issuedLicence(anApplication(overrides), { exporter: { org }, approver: APPROVER, countersigner: COUNTERSIGNER, issue });

  async function sourcedConsignment(overrides: object = {}, org = ORG): Promise<string> {
    const created = await post('/consignments', aConsignment(overrides), 'exporter', org);
    expect(created.status).toBe(201);
    const sourced = await post(
      `/consignments/${created.body.id}/mining-sources`,
      { mineId, extractionBatchRef: 'BO-2025-0117', kgReo: 14000, extractedOn: '2025-01-15' },
      'exporter',
      org,
    );
    expect(sourced.status).toBe(200);
    return created.body.id;
  }

  async function readLicence(id: string, position: string) {
    await app.waitForPosition(position);
    const read = await app.http().get(`/api/v1/licences/${id}`).set('Authorization', bearer(OFFICER));
    expect(read.status).toBe(200);
    return read.body;
  }

  it('attaches a licence, files the end user’s declaration, and gives the allocation back on cancel', async () => {
    const licenceId = await licence();
    const id = await sourcedConsignment();

    const attached = await post(`/consignments/${id}/licence`, { licenceId });
    expect([attached.status, attached.body.id, attached.body.revision]).toEqual([200, id, 3]);
    expect(await readLicence(licenceId, attached.body.position)).toMatchObject({ allocatedKg: 12000, remainingKg: 8000 });

    const filed = await post(`/consignments/${id}/end-use-declaration`, aDeclaration());
    expect([filed.status, filed.body.revision]).toEqual([200, 4]);
    expect(refusal(await post(`/consignments/${id}/end-use-declaration`, aDeclaration()))).toEqual([422, 'invalid-transition']);

    const cancelled = await post(`/consignments/${id}/cancel`, { reason: 'buyer withdrew' });
    expect([cancelled.status, cancelled.body.revision]).toEqual([200, 5]);
    // The release is eventual: a reactor gives the allocation back shortly after the answer.
    const released = await eventually(() => readLicence(licenceId, cancelled.body.position), (read: { allocatedKg: number }) => read.allocatedKg === 0);
    expect(released).toMatchObject({ allocatedKg: 0, remainingKg: 20000 });
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId }))).toEqual([422, 'invalid-transition']);
  });

  it('allocates the kg asked for; a retry with the same Idempotency-Key answers the same and allocates once', async () => {
    const licenceId = await licence();
    const id = await sourcedConsignment();
    const key = `e2e-${randomUUID()}`;
    const send = () =>
      app.http().post(`/api/v1/consignments/${id}/licence`).set('Authorization', bearer('exporter')).set('Idempotency-Key', key).send({ licenceId, kg: 5000.5 });
    const first = await send();
    const repeat = await send();
    expect(first.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(await readLicence(licenceId, first.body.position)).toMatchObject({ allocatedKg: 5000.5, remainingKg: 14999.5 });
  });

  it('refuses an attachment with its code, allocating nothing', async () => {
    const licenceId = await licence();
    const unsourced = await post('/consignments', aConsignment());
    expect(refusal(await post(`/consignments/${unsourced.body.id}/licence`, { licenceId }))).toEqual([422, 'invalid-transition']);

    const id = await sourcedConsignment();
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId, kg: 12000.001 }))).toEqual([422, 'allocation-above-quantity']);
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId: await licence({}, { issue: false }) }))).toEqual([422, 'licence-not-active']);
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId: await licence({ destinationCountry: 'FR' }) }))).toEqual([
      422,
      'licence-scope-mismatch',
    ]);
    const dysprosium = await licence({ items: [{ product: 'Dysprosium metal', hsCode: '2805.30', element: 'Dy', quantityKg: 50000 }] });
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId: dysprosium }))).toEqual([422, 'licence-scope-mismatch']);
    const big = await sourcedConsignment({ quantityKg: 20000.001 });
    expect(refusal(await post(`/consignments/${big}/licence`, { licenceId }))).toEqual([422, 'licence-balance-exceeded']);
    const theirs = await licence({}, { org: COMPETITOR });
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId: theirs }))).toEqual([404, 'not-found']);
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId: randomUUID() }))).toEqual([404, 'not-found']);

    const attached = await post(`/consignments/${id}/licence`, { licenceId });
    expect([attached.status, attached.body.revision]).toEqual([200, 3]);
    expect(await readLicence(licenceId, attached.body.position)).toMatchObject({ allocatedKg: 12000, remainingKg: 8000 });
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId: await licence() }))).toEqual([422, 'invalid-transition']);
  });

  it('files an end-use declaration before any licence: an item the control list does not name may ship without one', async () => {
    const id = await sourcedConsignment();
    const filed = await post(`/consignments/${id}/end-use-declaration`, aDeclaration());
    expect([filed.status, filed.body.revision]).toEqual([200, 3]);
    expect(refusal(await post(`/consignments/${id}/end-use-declaration`, aDeclaration()))).toEqual([422, 'invalid-transition']);
  });

  it('refuses an end-use declaration with its code', async () => {
    const id = await sourcedConsignment();
    expect((await post(`/consignments/${id}/licence`, { licenceId: await licence() })).status).toBe(200);
    const stranger = aDeclaration({ endUser: { name: 'Kestrel Magnetics Trading', country: 'DE', address: 'Hanau' } });
    expect(refusal(await post(`/consignments/${id}/end-use-declaration`, stranger))).toEqual([422, 'licence-scope-mismatch']);
    const abroad = aDeclaration({ endUser: { ...END_USER, country: 'AT' } });
    expect(refusal(await post(`/consignments/${id}/end-use-declaration`, abroad))).toEqual([422, 'licence-scope-mismatch']);
    const military = aDeclaration({ commitments: { noMilitaryUse: false, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true } });
    expect(refusal(await post(`/consignments/${id}/end-use-declaration`, military))).toEqual([422, 'military-use-not-excluded']);
    expect((await post(`/consignments/${id}/end-use-declaration`, aDeclaration())).status).toBe(200);
  });

  it('refuses malformed bodies with 400 naming the fields', async () => {
    const id = await sourcedConsignment();
    const attach = await post(`/consignments/${id}/licence`, { licenceId: 'lic-1', kg: -1, colour: 'red' });
    expect([attach.status, fieldsOf(attach.body).sort()]).toEqual([400, ['colour', 'kg', 'licenceId']]);
    const declaration = await post(`/consignments/${id}/end-use-declaration`, {
      ...aDeclaration(),
      endUseCategory: 'weapons',
      documentSha256: 'abc',
      signedOn: '2025-02-30',
      commitments: { noMilitaryUse: 'yes' },
    });
    expect(declaration.status).toBe(400);
    expect(fieldsOf(declaration.body)).toEqual(expect.arrayContaining(['endUseCategory', 'documentSha256', 'signedOn']));
    expect(fieldsOf(declaration.body).some((field) => field.startsWith('commitments'))).toBe(true);
  });

  it('answers 401 without a token, 403 to other roles, 404 for an unknown or another organisation’s consignment', async () => {
    const id = await sourcedConsignment();
    const licenceId = await licence();
    expect((await app.http().post(`/api/v1/consignments/${id}/licence`).send({ licenceId })).status).toBe(401);
    expect((await app.http().post(`/api/v1/consignments/${id}/end-use-declaration`).send(aDeclaration())).status).toBe(401);
    for (const role of ['licensing-officer', 'customs-agent', 'auditor', 'admin'] as Role[]) {
      expect((await post(`/consignments/${id}/licence`, { licenceId }, role)).status).toBe(403);
      expect((await post(`/consignments/${id}/end-use-declaration`, aDeclaration(), role)).status).toBe(403);
    }
    expect(refusal(await post(`/consignments/${id}/licence`, { licenceId }, 'exporter', COMPETITOR))).toEqual([404, 'not-found']);
    expect(refusal(await post(`/consignments/${id}/end-use-declaration`, aDeclaration(), 'exporter', COMPETITOR))).toEqual([404, 'not-found']);
    expect(refusal(await post(`/consignments/${randomUUID()}/licence`, { licenceId }))).toEqual([404, 'not-found']);
    expect(refusal(await post(`/consignments/${randomUUID()}/end-use-declaration`, aDeclaration()))).toEqual([404, 'not-found']);
  });
});
