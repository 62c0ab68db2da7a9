import type { INestApplication } from '@nestjs/common';
import { Role, signDevelopmentToken } from '@ree/platform/auth';
import { loadConfig } from '@ree/platform/config';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api.module';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '@ree/testing';

interface StatusItem {
  name: string;
  state: string;
  checkpoint: string | null;
  lagEvents: number;
  lagMs: number;
  eventsProcessed: number;
  rebuild?: { jobId: string; state: string; progress: { mode: string; phase: string; eventsProcessed: number } | null; failedReason?: string };
}

describe('operations: projection status and rebuilds over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const bearer = (role: Role) => `Bearer ${app.token(role)}`;
  const get = (path: string, role: Role = 'admin') => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const post = (path: string, role: Role = 'admin') => app.http().post(`/api/v1${path}`).set('Authorization', bearer(role));

  async function registeredConsignment(): Promise<{ id: string; position: string }> {
    const response = await app
      .http()
      .post('/api/v1/consignments')
      .set('Authorization', bearer('exporter'))
      .send({ product: 'Neodymium oxide 99.5 %', productForm: 'separated-oxide', element: 'Nd', hsCode: '2846.90', quantityKg: 5000, destinationCountry: 'DE' });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** Polls the projection's status (where a rebuild's Location points) until its rebuild job has ended, checking `meanwhile` each time. */
  async function rebuildEnded(location: string, meanwhile: () => Promise<void> = async () => undefined): Promise<StatusItem> {
    const status = async (): Promise<StatusItem> => {
      await meanwhile();
      const response = await app.http().get(location).set('Authorization', bearer('admin'));
      expect(response.status).toBe(200);
      return response.body as StatusItem;
    };
    const ended = (item: StatusItem) => item.rebuild !== undefined && item.rebuild !== null && ['completed', 'failed'].includes(item.rebuild.state);
    return eventually(status, ended, { intervalMs: 100, what: 'the rebuild ended' });
  }

  it('lists every projection with its checkpoint and lag, to admins and auditors only', async () => {
    const { position } = await registeredConsignment();
    await app.waitForPosition(position);

    const response = await get('/admin/projections', 'auditor').expect(200);

    const byName = new Map<string, StatusItem>(response.body.items.map((item: StatusItem) => [item.name, item]));
    expect(byName.get('review.consignments')).toEqual(
      expect.objectContaining({ checkpoint: expect.any(String), lagEvents: expect.any(Number), lagMs: expect.any(Number), eventsProcessed: expect.any(Number) }),
    );
    expect(['caught-up', 'catching-up']).toContain(byName.get('review.consignments')!.state);
    expect([...byName.keys()].some((name) => name.endsWith('@rebuild'))).toBe(false);
    expectProblem(await get('/admin/projections', 'exporter'), 403, 'forbidden-for-role');
    expectProblem(await post('/admin/projections/review.consignments/rebuild', 'auditor'), 403, 'forbidden-for-role');
  });

  it('rebuilds the review read model blue/green as a job: one job for repeated requests, reads answered throughout, the same documents after', async () => {
    const consignment = await registeredConsignment();
    await app.waitForPosition(consignment.position);
    const review = async () => (await get(`/consignments/${consignment.id}/review`).expect(200)).body;
    const before = await review();

    const first = await post('/admin/projections/review.consignments/rebuild').expect(202);
    const again = await post('/admin/projections/review.consignments/rebuild').expect(202);
    expect(first.body).toEqual({ jobId: expect.any(String), name: 'review.consignments', state: expect.any(String) });
    expect(first.headers.location).toBe('/api/v1/admin/projections/review.consignments');
    expect(again.body.jobId).toBe(first.body.jobId);

    const ended = await rebuildEnded(first.headers.location, async () => expect(await review()).toEqual(before));

    expect(ended.rebuild).toMatchObject({ jobId: first.body.jobId, state: 'completed', progress: { mode: 'blue-green', phase: 'done' } });
    expect(ended.state).not.toBe('rebuilding');
    expect(await review()).toEqual(before);
    // The next request after a finished rebuild starts a new run under the same job id.
    const next = await post('/admin/projections/review.consignments/rebuild').expect(202);
    expect(next.body.jobId).toBe(first.body.jobId);
    expect(['waiting', 'active']).toContain(next.body.state);
    expect((await rebuildEnded(next.headers.location)).rebuild!.state).toBe('completed');
  });

  it('rebuilds a projection without blueGreen in place', async () => {
    const accepted = await post('/admin/projections/registry.mines/rebuild').expect(202);
    const ended = await rebuildEnded(accepted.headers.location);
    expect(ended.rebuild).toMatchObject({ state: 'completed', progress: { mode: 'in-place', phase: 'done' } });
  });

  it('answers 404 for a name no worker has run, 400 naming the field for a malformed one, and fails the job of a projection the worker lacks', async () => {
    expectProblem(await post(`/admin/projections/${randomUUID()}/rebuild`), 404, 'not-found');
    expectProblem(await get(`/admin/projections/${randomUUID()}`), 404, 'not-found');
    expectProblem(await post('/admin/projections/review.consignments@rebuild/rebuild'), 400, 'validation-failed');
    const malformed = expectProblem(await get('/admin/projections/bad%20name'), 400, 'validation-failed');
    expect(malformed.errors).toEqual([{ field: 'name', message: expect.any(String) }]);

    // A checkpoint left by a projection this version no longer runs: the request is taken, the worker refuses the job.
    const ghost = `ghost-${randomUUID().slice(0, 8)}`;
    await app.api.get(DataSource).query(`INSERT INTO projections.checkpoints (name, checkpoint) VALUES ($1, NULL)`, [ghost]);
    const accepted = await post(`/admin/projections/${ghost}/rebuild`).expect(202);
    const ended = await rebuildEnded(accepted.headers.location);
    expect(ended.rebuild).toMatchObject({ state: 'failed', failedReason: `No projection is named ${ghost}` });
    await app.api.get(DataSource).query(`DELETE FROM projections.checkpoints WHERE name = $1`, [ghost]);
  });

  describe('with Redis unreachable', () => {
    let api: INestApplication;
    const config = loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1' });
    beforeAll(async () => {
      api = await createApiApp({ config });
      await api.init();
    });
    afterAll(() => api.close());

    it('answers 503 problem+json with Retry-After, for a rebuild and for the status', async () => {
      const admin = `Bearer ${signDevelopmentToken({ role: 'admin' }, config)}`;
      const rebuild = await request(api.getHttpServer()).post('/api/v1/admin/projections/review.consignments/rebuild').set('Authorization', admin);
      expectProblem(rebuild, 503, 'service-unavailable');
      expect(rebuild.headers['retry-after']).toBeDefined();
      expectProblem(await request(api.getHttpServer()).get('/api/v1/admin/projections').set('Authorization', admin), 503, 'service-unavailable');
    });
  });
});
