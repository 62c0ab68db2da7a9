import { Role } from '@ree/platform/auth';
import { JobLedger, JobQueues, recordJobs } from '@ree/platform/jobs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { expectProblem } from '../support/problem';
import { startTestApp, TestApp } from '../support/test-app';

/** A queue no worker takes from: its jobs stay where the test puts them. */
const QUEUE = `test.jobs-admin-${randomUUID().slice(0, 8)}`;

describe('operations: the jobs over HTTP', () => {
  let app: TestApp;
  let ledger: JobLedger;

  beforeAll(async () => {
    app = await startTestApp();
    ledger = app.api.get(JobLedger);
  });
  afterAll(async () => {
    await app.api.get(DataSource).query('DELETE FROM jobs.jobs WHERE queue = $1', [QUEUE]);
    await app.api.get(JobQueues).queue(QUEUE).obliterate({ force: true });
    await app.close();
  });

  const bearer = (role: Role) => `Bearer ${app.token(role)}`;
  const get = (path: string, role: Role = 'admin') => app.http().get(`/api/v1${path}`).set('Authorization', bearer(role));
  const post = (path: string, role: Role = 'admin') => app.http().post(`/api/v1${path}`).set('Authorization', bearer(role));

  /** A job recorded on the test's queue, then run and failed as the worker records it: dead when `dead`. */
  async function failedJob(dead: boolean): Promise<string> {
    const jobId = randomUUID();
    await recordJobs(app.api.get(DataSource), ledger.prefix, [{ queue: QUEUE, jobId, name: 'probe', data: { n: 1 }, dueAt: new Date() }]);
    await ledger.start(QUEUE, { id: jobId, name: 'probe', data: { n: 1 } });
    await ledger.fail(QUEUE, jobId, 'the probe always fails', dead);
    return jobId;
  }

  it('counts the jobs per queue and state, and lists the dead ones with why they failed', async () => {
    const dead = await failedJob(true);
    await failedJob(false);

    const counts = await get('/admin/jobs').expect(200);
    expect(counts.body.items).toContainEqual({ queue: QUEUE, pending: 0, running: 0, failed: 1, dead: 1, completed: 0 });

    const listed = await get(`/admin/jobs/${QUEUE}`).expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ queue: QUEUE, jobId: dead, name: 'probe', state: 'dead', attempts: 1, lastError: 'the probe always fails', data: { n: 1 } });
    expect((await get(`/admin/jobs/${QUEUE}?state=failed&limit=5`).expect(200)).body.items).toHaveLength(1);
  });

  it('retries a dead job: pending, attempts reset, on its queue at once; a job not dead is a 409, an unknown one a 404', async () => {
    const jobId = await failedJob(true);
    const retried = await post(`/admin/jobs/${QUEUE}/${jobId}/retry`).expect(202);
    expect(retried.body).toMatchObject({ queue: QUEUE, jobId, state: 'pending', attempts: 0, lastError: null, queued: true });
    const queued = await app.api.get(JobQueues).queue(QUEUE).getJob(jobId);
    expect(queued?.data).toEqual({ n: 1 });

    expectProblem(await post(`/admin/jobs/${QUEUE}/${jobId}/retry`), 409, 'job-not-dead');
    expectProblem(await post(`/admin/jobs/${QUEUE}/${randomUUID()}/retry`), 404, 'not-found');
  });

  it('answers bad input with 400 problem+json and other roles with 403', async () => {
    expectProblem(await get('/admin/jobs/Not%20A%20Queue'), 400, 'validation-failed');
    expectProblem(await get(`/admin/jobs/${QUEUE}?state=zombie`), 400, 'validation-failed');
    expectProblem(await get(`/admin/jobs/${QUEUE}?limit=0`), 400, 'validation-failed');
    expectProblem(await get(`/admin/jobs/${QUEUE}?limit=501`), 400, 'validation-failed');
    expectProblem(await post(`/admin/jobs/${QUEUE}/${encodeURIComponent('bad id!')}/retry`), 400, 'validation-failed');
    for (const role of ['auditor', 'licensing-officer', 'exporter'] as const) {
      expectProblem(await get('/admin/jobs', role), 403, 'forbidden-for-role');
      expectProblem(await post(`/admin/jobs/${QUEUE}/${randomUUID()}/retry`, role), 403, 'forbidden-for-role');
    }
  });
});
