import { randomUUID } from 'node:crypto';
import { eventually } from '@ree/testing';
import { aConsignment, aSource, aStep, consignmentApi, OFFICER } from '../support/consignment-api';
import { startTestApp, TestApp } from '../support/test-app';

describe('consignments over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const { bearer, post, mineWithQuota, registered, quotaOf } = consignmentApi(() => app);

  it('registers, blends two mines, records two steps, corrects a source, and cancels: the quota follows every step', async () => {
    const mineA = await mineWithQuota(50000);
    const mineB = await mineWithQuota(20000, 'monazite');

    const created = await post('/consignments', aConsignment());
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), revision: 1, position: expect.any(String) });
    expect(created.headers.location).toBe(`/api/v1/consignments/${created.body.id}`);
    const id = created.body.id;

    const fromA = await post(`/consignments/${id}/mining-sources`, aSource(mineA, 8000));
    const fromB = await post(`/consignments/${id}/mining-sources`, aSource(mineB, 6000.5));
    expect([fromA.status, fromA.body.revision, fromB.status, fromB.body.revision]).toEqual([200, 2, 200, 3]);
    expect(fromA.body.declarationId).toEqual(expect.any(String));
    expect(await quotaOf(mineB, fromB.body.position)).toMatchObject({ drawnKgReo: 6000.5, remainingKgReo: 13999.5 });

    const separation = await post(`/consignments/${id}/processing-steps`, aStep(14000.5, 12600));
    const conversion = await post(`/consignments/${id}/processing-steps`, aStep(12600, 12100, { process: 'conversion', inputForm: 'separated-oxide' }));
    expect([separation.status, separation.body.revision, conversion.status, conversion.body.revision]).toEqual([200, 4, 200, 5]);
    const stepFix = await post(`/consignments/${id}/processing-steps/${separation.body.stepId}/corrections`, { ...aStep(14000.5, 12500), reason: 'assay re-issued' });
    expect([stepFix.status, stepFix.body.revision]).toEqual([200, 6]);

    const corrected = await post(`/consignments/${id}/mining-sources/${fromA.body.declarationId}/corrections`, {
      ...aSource(mineA, 7000),
      reason: 'weighbridge ticket corrected',
    });
    expect([corrected.status, corrected.body.revision]).toEqual([200, 7]);
    expect(corrected.body.declarationId).not.toBe(fromA.body.declarationId);
    expect(await quotaOf(mineA, corrected.body.position)).toMatchObject({ allocatedKgReo: 50000, drawnKgReo: 7000, remainingKgReo: 43000 });
    const again = await post(`/consignments/${id}/mining-sources/${fromA.body.declarationId}/corrections`, { ...aSource(mineA, 6000), reason: 'twice' });
    expect([again.status, again.body.code]).toEqual([422, 'invalid-transition']);

    const cancelled = await post(`/consignments/${id}/cancel`, { reason: 'buyer withdrew' });
    expect([cancelled.status, cancelled.body.id, cancelled.body.revision]).toEqual([200, id, 8]);
    // The give-back is eventual: a reactor returns the draws shortly after the answer.
    const given = (quota: { drawnKgReo: number }) => quota.drawnKgReo === 0;
    expect(await eventually(() => quotaOf(mineA, cancelled.body.position), given)).toMatchObject({ drawnKgReo: 0, remainingKgReo: 50000 });
    expect(await eventually(() => quotaOf(mineB, cancelled.body.position), given)).toMatchObject({ drawnKgReo: 0, remainingKgReo: 20000 });

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
    expect([last.status, last.body.revision]).toEqual([200, 3]);
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
    const current = await withIfMatch(1);
    expect([current.status, current.body.revision]).toEqual([200, 2]);
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
    expect([edge.status, edge.body.revision]).toEqual([200, 3]);
  });
});
