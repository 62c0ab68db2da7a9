import { INTEGRITY_SWEEP_JOB, INTEGRITY_SWEEP_QUEUE, sweepRecords } from '@ree/audit';
import { Role } from '@ree/platform/auth';
import { JobLedger, JobQueues } from '@ree/platform/jobs';
import { privateTestDatabase, eventually } from '@ree/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { expectProblem } from '../support/problem';

jest.setTimeout(180_000);

/** The nightly integrity sweep as a durable job of the worker, and what administrators see of it. */
describe('the integrity sweep and GET /admin/integrity', () => {
  let app: TestApp;
  let queues: JobQueues;
  let dataSource: DataSource;
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  // Its own database: the sweep reads every stream, and the other suites write streams with stores of
  // their own, unsealed or tampered with, that are not this suite's to judge.
  beforeAll(async () => {
    database = await privateTestDatabase('integrity_sweep_e2e');
    app = await startTestApp({ DATABASE_URL: database.url });
    queues = new JobQueues({ redisUrl: app.config.redisUrl, prefix: app.config.jobs.queuePrefix });
    dataSource = app.api.get(DataSource);
  });
  afterAll(async () => {
    await queues.queue(INTEGRITY_SWEEP_QUEUE).obliterate({ force: true });
    await queues.close();
    await app.close();
    await database.drop();
  });

  const get = (path: string, role: Role = 'admin') => app.http().get(`/api/v1${path}`).set('Authorization', `Bearer ${app.token(role)}`);

  /** Polls (60 s ceiling, docs/decisions.md 26) until `probe` answers something. */
  async function answered<T>(what: string, probe: () => Promise<T | null | undefined>): Promise<T> {
    return (await eventually(probe, (value) => value !== null && value !== undefined, { intervalMs: 100, what }))!;
  }

  it('keeps one schedule on INTEGRITY_SWEEP_CRON (UTC)', async () => {
    const scheduler = await answered('the integrity sweep schedule', () => queues.queue(INTEGRITY_SWEEP_QUEUE).getJobScheduler(INTEGRITY_SWEEP_QUEUE));
    expect(scheduler).toMatchObject({ pattern: app.config.integritySweepCron, tz: 'UTC' });
  });

  it('runs a sweep as a recorded job, and shows it to administrators and on /metrics', async () => {
    const mine = await app.http().post('/api/v1/mines').set('Authorization', `Bearer ${app.token('licensing-officer')}`).send({
      name: `Sweep test ${randomUUID().slice(0, 8)}`,
      operator: 'Baotou Steel Rare-Earth',
      region: 'Inner Mongolia',
      country: 'CN',
      miningLicenceNo: `S${Date.now()}`,
      depositType: 'bastnaesite',
    });
    expect(mine.status).toBe(201);
    const jobId = `e2e-${randomUUID()}`;
    await queues.queue(INTEGRITY_SWEEP_QUEUE).add(INTEGRITY_SWEEP_JOB, {}, { jobId });
    const sweep = await answered('the sweep record', () => sweepRecords.byJob(dataSource, jobId));
    expect(sweep).toMatchObject({ jobId, consistent: true, findings: [] });
    expect(sweep.streams).toBeGreaterThan(0);
    const record = await answered('the completed job record', async () => {
      const found = await app.api.get(JobLedger).find(INTEGRITY_SWEEP_QUEUE, jobId);
      return found?.state === 'completed' ? found : null;
    });
    expect(record.outcome).toEqual({ sweepId: sweep.sweepId, consistent: true, findings: 0 });

    const response = await get('/admin/integrity').expect(200);
    expect(response.body.lastSweep).toEqual(sweep);
    expect(response.body.lastBreak).toBeNull();
    const metrics = (await app.http().get('/metrics').expect(200)).text;
    expect(metrics).toContain('ree_integrity_findings{kind="chain-broken"} 0');
    expect(metrics).toMatch(/^ree_integrity_sweep_timestamp_seconds \d+(\.\d+)?$/m);
    expect(metrics).toContain('ree_metrics_collector_up{collector="integrity"} 1');
  });

  it('is for administrators only', async () => {
    expectProblem(await get('/admin/integrity', 'auditor'), 403, 'forbidden-for-role');
    expectProblem(await app.http().get('/api/v1/admin/integrity'), 401, 'unauthenticated');
  });
});
