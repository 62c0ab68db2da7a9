import type { Role } from '@ree/platform/auth';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { aConsignment, aSource, aStep, COMPETITOR, consignmentApi, OFFICER } from '../support/consignment-api';
import { startTestApp, TestApp } from '../support/test-app';

describe('consignments over HTTP: refusals', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const { post, fieldsOf, mineWithQuota, registered } = consignmentApi(() => app);

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
    expect([untouched.status, untouched.body.revision]).toEqual([200, 2]);
  });
});
