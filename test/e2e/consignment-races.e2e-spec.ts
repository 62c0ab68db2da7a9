import { randomUUID } from 'node:crypto';
import { aSource, aStep, consignmentApi } from '../support/consignment-api';
import { startTestApp, TestApp } from '../support/test-app';

describe('consignments over HTTP: concurrent requests', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const { bearer, post, mineWithQuota, registered, quotaOf } = consignmentApi(() => app);

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
    expect(answers[0].body.revision).toBe(2);
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
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, index) => index + 3));
    const next = await post(`/consignments/${id}/processing-steps`, aStep(14000, 12600));
    expect(next.body.revision).toBe(revisions.length + 3);
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
