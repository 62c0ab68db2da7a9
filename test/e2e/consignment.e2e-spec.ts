import type { Role } from '@ree/platform';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/test-app';

const OFFICER: Role = 'licensing-officer';
const ORG = 'org-e2e-baotou-export';
const COMPETITOR = 'org-e2e-competitor';

const aConsignment = (overrides: object = {}) => ({
  product: 'Praseodymium-neodymium oxide 99 %',
  productForm: 'separated-oxide',
  element: 'NdPr',
  hsCode: '2846.90',
  quantityKg: 12000,
  destinationCountry: 'DE',
  ...overrides,
});
const aSource = (mineId: string, kgReo: number, overrides: object = {}) => ({
  mineId,
  extractionBatchRef: `BO-2025-${randomUUID().slice(0, 6)}`,
  kgReo,
  extractedOn: '2025-01-15',
  ...overrides,
});
const aStep = (inputKgReo: number, outputKgReo: number, overrides: object = {}) => ({
  facility: { id: 'fac-baotou-sep-2', name: 'Baotou separation plant 2', region: 'Inner Mongolia' },
  process: 'separation',
  inputForm: 'mixed-carbonate',
  outputForm: 'separated-oxide',
  inputKgReo,
  outputKgReo,
  completedOn: '2025-02-10',
  ...overrides,
});

describe('consignments over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role, org?: string) => `Bearer ${app.token(role, role === 'exporter' ? (org ?? ORG) : undefined)}`;
  const post = (path: string, body: object, role: Role = 'exporter', org?: string) =>
    app.http().post(`/api/v1${path}`).set('Authorization', bearer(role, org)).send(body);
  const get = (path: string, role: Role = OFFICER) => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);

  async function mineWithQuota(quotaKgReo: number, depositType = 'bastnaesite', category = 'light'): Promise<string> {
    const mine = await post(
      '/mines',
      { name: `Bayan Obo ${randomUUID().slice(0, 8)}`, operator: 'Baotou Steel Rare-Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150000201107', depositType },
      OFFICER,
    );
    expect(mine.status).toBe(201);
    const quota = await post(`/mines/${mine.body.id}/quotas`, { year: 2025, category, quotaKgReo }, OFFICER);
    expect(quota.status).toBe(200);
    return mine.body.id;
  }

  async function registered(org = ORG): Promise<string> {
    const response = await post('/consignments', aConsignment(), 'exporter', org);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function quotaOf(mineId: string, position: string) {
    await app.waitForPosition(position);
    const mine = await get(`/mines/${mineId}`);
    expect(mine.status).toBe(200);
    return mine.body.quotas[0];
  }

  it('registers, blends two mines, records two steps, corrects a source, and cancels: the quota follows every step', async () => {
    const mineA = await mineWithQuota(50000);
    const mineB = await mineWithQuota(20000, 'monazite');

    const created = await post('/consignments', aConsignment());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), revision: 0, position: expect.any(String) });
    expect(created.headers.location).toBe(`/api/v1/consignments/${created.body.id}`);
    const id = created.body.id;

    const fromA = await post(`/consignments/${id}/mining-sources`, aSource(mineA, 8000));
    const fromB = await post(`/consignments/${id}/mining-sources`, aSource(mineB, 6000.5));
    expect([fromA.status, fromA.body.revision, fromB.status, fromB.body.revision]).toEqual([200, 1, 200, 2]);
    expect(fromA.body.declarationId).toEqual(expect.any(String));
    expect(await quotaOf(mineB, fromB.body.position)).toMatchObject({ drawnKgReo: 6000.5, remainingKgReo: 13999.5 });

    const separation = await post(`/consignments/${id}/processing-steps`, aStep(14000.5, 12600));
    const conversion = await post(`/consignments/${id}/processing-steps`, aStep(12600, 12100, { process: 'conversion', inputForm: 'separated-oxide' }));
    expect([separation.status, separation.body.revision, conversion.status, conversion.body.revision]).toEqual([200, 3, 200, 4]);
    const stepFix = await post(`/consignments/${id}/processing-steps/${separation.body.stepId}/corrections`, { ...aStep(14000.5, 12500), reason: 'assay re-issued' });
    expect([stepFix.status, stepFix.body.revision]).toEqual([200, 5]);

    const corrected = await post(`/consignments/${id}/mining-sources/${fromA.body.declarationId}/corrections`, {
      ...aSource(mineA, 7000),
      reason: 'weighbridge ticket corrected',
    });
    expect([corrected.status, corrected.body.revision]).toEqual([200, 6]);
    expect(corrected.body.declarationId).not.toBe(fromA.body.declarationId);
    expect(await quotaOf(mineA, corrected.body.position)).toMatchObject({ allocatedKgReo: 50000, drawnKgReo: 7000, remainingKgReo: 43000 });
    const again = await post(`/consignments/${id}/mining-sources/${fromA.body.declarationId}/corrections`, { ...aSource(mineA, 6000), reason: 'twice' });
    expect([again.status, again.body.code]).toEqual([422, 'invalid-transition']);

    const cancelled = await post(`/consignments/${id}/cancel`, { reason: 'buyer withdrew' });
    expect([cancelled.status, cancelled.body.id, cancelled.body.revision]).toEqual([200, id, 7]);
    expect(await quotaOf(mineA, cancelled.body.position)).toMatchObject({ drawnKgReo: 0, remainingKgReo: 50000 });
    expect(await quotaOf(mineB, cancelled.body.position)).toMatchObject({ drawnKgReo: 0, remainingKgReo: 20000 });

    for (const [path, body] of [
      [`/consignments/${id}/mining-sources`, aSource(mineA, 1)],
      [`/consignments/${id}/processing-steps`, aStep(1, 1)],
      [`/consignments/${id}/cancel`, { reason: 'again' }],
    ] as const) {
      const after = await post(path, body);
      expect([path, after.status, after.body.code]).toEqual([path, 422, 'invalid-transition']);
    }
    const close = await post(`/consignments/${id}/close`, {}, OFFICER);
    expect([close.status, close.body.code]).toEqual([422, 'invalid-transition']);
  });

  it('quota-exceeded: a source drawing more than the quota has left is refused and draws nothing', async () => {
    const mineId = await mineWithQuota(1000);
    const id = await registered();
    const first = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 999.999));
    expect(first.status).toBe(200);
    const over = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 0.002));
    expect([over.status, over.body.code]).toEqual([422, 'quota-exceeded']);
    expect(over.headers['content-type']).toMatch(/application\/problem\+json/);
    const ionic = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 0.001, { category: 'medium-heavy' }));
    expect([ionic.status, ionic.body.code]).toEqual([422, 'quota-exceeded']);
    const last = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 0.001));
    expect([last.status, last.body.revision]).toEqual([200, 2]);
    expect(await quotaOf(mineId, last.body.position)).toMatchObject({ drawnKgReo: 1000, remainingKgReo: 0 });
  });

  it('quota-category-required: a mine of deposit type other needs the category named; ionic clay defaults to medium-heavy', async () => {
    const other = await mineWithQuota(1000, 'other', 'medium-heavy');
    const id = await registered();
    const unnamed = await post(`/consignments/${id}/mining-sources`, aSource(other, 10));
    expect([unnamed.status, unnamed.body.code]).toEqual([422, 'quota-category-required']);
    expect((await post(`/consignments/${id}/mining-sources`, aSource(other, 10, { category: 'medium-heavy' }))).status).toBe(200);
    const clay = await mineWithQuota(1000, 'ionic-clay', 'medium-heavy');
    const drawn = await post(`/consignments/${id}/mining-sources`, aSource(clay, 10));
    expect(await quotaOf(clay, drawn.body.position)).toMatchObject({ category: 'medium-heavy', drawnKgReo: 10 });
  });

  it('a retry with the same Idempotency-Key answers the same and draws once', async () => {
    const mineId = await mineWithQuota(1000);
    const id = await registered();
    const key = `e2e-${randomUUID()}`;
    const body = aSource(mineId, 400);
    const send = () =>
      app.http().post(`/api/v1/consignments/${id}/mining-sources`).set('Authorization', bearer('exporter')).set('Idempotency-Key', key).send(body);
    const first = await send();
    const repeat = await send();
    expect(first.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect(await quotaOf(mineId, first.body.position)).toMatchObject({ drawnKgReo: 400 });
  });

  it('If-Match: a stale revision is 412 and draws nothing; the current one passes', async () => {
    const mineId = await mineWithQuota(1000);
    const id = await registered();
    const withIfMatch = (revision: number) =>
      app.http().post(`/api/v1/consignments/${id}/mining-sources`).set('Authorization', bearer('exporter')).set('If-Match', `"${revision}"`).send(aSource(mineId, 300));
    const stale = await withIfMatch(3);
    expect([stale.status, stale.body.code]).toEqual([412, 'precondition-failed']);
    const current = await withIfMatch(0);
    expect([current.status, current.body.revision]).toEqual([200, 1]);
    expect(await quotaOf(mineId, current.body.position)).toMatchObject({ drawnKgReo: 300 });
  });

  it('mass-balance-violation: a step putting out more than 0.5 % above its input', async () => {
    const mineId = await mineWithQuota(20000);
    const id = await registered();
    const early = await post(`/consignments/${id}/processing-steps`, aStep(1000, 900));
    expect([early.status, early.body.code]).toEqual([422, 'invalid-transition']);
    expect((await post(`/consignments/${id}/mining-sources`, aSource(mineId, 1000))).status).toBe(200);
    const over = await post(`/consignments/${id}/processing-steps`, aStep(1000, 1005.001));
    expect([over.status, over.body.code]).toEqual([422, 'mass-balance-violation']);
    const edge = await post(`/consignments/${id}/processing-steps`, aStep(1000, 1005));
    expect([edge.status, edge.body.revision]).toEqual([200, 2]);
  });

  it('refuses malformed input with 400 naming every failing field', async () => {
    const bad = await post('/consignments', { productForm: 'ingot', element: 'Fe', hsCode: '1234.56', quantityKg: -1, destinationCountry: 'XX', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(['product', 'productForm', 'element', 'hsCode', 'quantityKg', 'destinationCountry', 'colour']),
    );
    const metal = await post('/consignments', aConsignment({ productForm: 'metal', hsCode: '2805.30', element: 'Nd' }));
    expect([metal.status, fieldsOf(metal.body)]).toEqual([400, ['reoEquivalentKg']]);
    const withReo = await post('/consignments', aConsignment({ productForm: 'metal', hsCode: '2805.30', element: 'Nd', quantityKg: 1000, reoEquivalentKg: 1166.4 }));
    expect(withReo.status).toBe(201);

    const id = await registered();
    const source = await post(`/consignments/${id}/mining-sources`, { mineId: 'not-a-uuid', kgReo: 0.0001, extractedOn: '2025-02-30', category: 'heavy' });
    expect(source.status).toBe(400);
    expect(fieldsOf(source.body)).toEqual(expect.arrayContaining(['mineId', 'kgReo', 'extractedOn', 'category', 'extractionBatchRef']));
    const otherYear = await post(`/consignments/${id}/mining-sources`, aSource(randomUUID(), 1, { quotaYear: 2026 }));
    expect([otherYear.status, fieldsOf(otherYear.body)]).toEqual([400, ['quotaYear']]);
    const step = await post(`/consignments/${id}/processing-steps`, { ...aStep(1, 1), facility: { id: 'f' }, process: 'roasting' });
    expect(fieldsOf(step.body)).toEqual(expect.arrayContaining(['facility.name', 'facility.region', 'process']));
    expect((await post('/consignments/not-a-uuid/cancel', { reason: 'x' })).status).toBe(400);
  });

  it('bad input: arbitrary bodies on every consignment route never give a 5xx, and every 4xx is problem+json', async () => {
    const mineId = await mineWithQuota(1_000_000);
    const id = await registered();
    const source = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 1000));
    const step = await post(`/consignments/${id}/processing-steps`, aStep(1000, 900));
    const routes = [
      '/consignments',
      `/consignments/${id}/mining-sources`,
      `/consignments/${id}/mining-sources/${source.body.declarationId}/corrections`,
      `/consignments/${id}/processing-steps`,
      `/consignments/${id}/processing-steps/${step.body.stepId}/corrections`,
      `/consignments/${id}/cancel`,
    ];
    const nearlyValid = fc.record(
      {
        ...Object.fromEntries(Object.keys({ ...aConsignment(), ...aSource(mineId, 1), ...aStep(1, 1), reason: '' }).map((key) => [key, fc.anything()])),
        mineId: fc.constantFrom(mineId, randomUUID(), 'x'),
        kgReo: fc.oneof(fc.double(), fc.integer(), fc.constant(0.001)),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(fc.object(), nearlyValid), async (route, body) => {
        const answer = await post(route, body as object);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      }),
      { numRuns: 150 },
    );
  });

  it('answers 401 without a token and 403 to a role outside its part', async () => {
    expect((await app.http().post('/api/v1/consignments').send(aConsignment())).status).toBe(401);
    const id = await registered();
    for (const role of ['licensing-officer', 'customs-agent', 'auditor', 'admin'] as Role[]) {
      expect((await post('/consignments', aConsignment(), role)).status).toBe(403);
      expect((await post(`/consignments/${id}/cancel`, { reason: 'x' }, role)).status).toBe(403);
    }
    for (const role of ['exporter', 'customs-agent', 'auditor', 'admin'] as Role[]) {
      expect((await post(`/consignments/${id}/close`, {}, role)).status).toBe(403);
    }
  });

  it("answers 404 for another exporter's consignment, an unknown consignment and an unknown mine", async () => {
    const mineId = await mineWithQuota(1000);
    const id = await registered();
    const theirs = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 1), 'exporter', COMPETITOR);
    expect([theirs.status, theirs.body.code]).toEqual([404, 'not-found']);
    expect((await post(`/consignments/${id}/cancel`, { reason: 'x' }, 'exporter', COMPETITOR)).status).toBe(404);
    expect((await post(`/consignments/${id}/processing-steps`, aStep(1, 1), 'exporter', COMPETITOR)).status).toBe(404);
    expect((await post(`/consignments/${randomUUID()}/mining-sources`, aSource(mineId, 1))).status).toBe(404);
    expect((await post(`/consignments/${id}/mining-sources`, aSource(randomUUID(), 1))).status).toBe(404);
    expect((await post(`/consignments/${randomUUID()}/close`, {}, OFFICER)).status).toBe(404);
    const untouched = await post(`/consignments/${id}/mining-sources`, aSource(mineId, 1000));
    expect([untouched.status, untouched.body.revision]).toEqual([200, 1]);
  });

  it('idempotency: one declaration sent 100 times at once with one key draws once and answers the same 100 times', async () => {
    const mineId = await mineWithQuota(1000);
    const id = await registered();
    const key = `e2e-${randomUUID()}`;
    const body = aSource(mineId, 10);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        app.http().post(`/api/v1/consignments/${id}/mining-sources`).set('Authorization', bearer('exporter')).set('Idempotency-Key', key).send(body),
      ),
    );
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(answers[0].body.revision).toBe(1);
    expect(await quotaOf(mineId, answers[0].body.position)).toMatchObject({ drawnKgReo: 10 });
  });

  it('stream race: 20 concurrent steps on one consignment get contiguous revisions; a lost race is 409, never a lost event', async () => {
    const mineId = await mineWithQuota(20000);
    const id = await registered();
    expect((await post(`/consignments/${id}/mining-sources`, aSource(mineId, 14000))).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(`/consignments/${id}/processing-steps`, aStep(14000, 12600))));
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(refused.map(() => [409, 'concurrency-conflict']));
    const revisions = answers.filter((answer) => answer.status === 200).map((answer) => answer.body.revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, index) => index + 2));
    const next = await post(`/consignments/${id}/processing-steps`, aStep(14000, 12600));
    expect(next.body.revision).toBe(revisions.length + 2);
  });

  it('quota race: 50 concurrent declarations on a quota that covers 20 — exactly 20 draw, the rest are quota-exceeded', async () => {
    const mineId = await mineWithQuota(20 * 250.125);
    const consignments = await Promise.all(Array.from({ length: 50 }, () => registered()));
    const answers = await Promise.all(consignments.map((id) => post(`/consignments/${id}/mining-sources`, aSource(mineId, 250.125))));
    const statuses = answers.map((answer) => (answer.status === 200 ? 'drawn' : `${answer.status} ${answer.body.code}`));
    expect(statuses.filter((status) => status === 'drawn')).toHaveLength(20);
    expect(statuses.filter((status) => status === '422 quota-exceeded')).toHaveLength(30);
    const latest = answers.filter((answer) => answer.status === 200).map((answer) => answer.body.position);
    for (const position of latest) await app.waitForPosition(position);
    expect(await quotaOf(mineId, latest[0])).toMatchObject({ allocatedKgReo: 5002.5, drawnKgReo: 5002.5, remainingKgReo: 0 });
  });
});
