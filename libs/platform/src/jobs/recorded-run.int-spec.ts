import { openTestDataSource, eventually } from '@ree/testing';
import { Job, Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { JobLedger, recordJobs } from './job-ledger';
import { createJobWorker, delayJob } from './job-worker';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE = 'test.recorded-run';

/** Every queue's worker records its runs in jobs.jobs (JobProcessor passes the ledger): against PostgreSQL and Redis. */
describe('a job’s run, recorded in PostgreSQL', () => {
  const prefix = `ree-test-${randomUUID().slice(0, 8)}`;
  const runs = new Map<string, number>();
  const dead: string[] = [];
  let dataSource: DataSource;
  let ledger: JobLedger;
  let queue: Queue;
  let worker: Worker;

  /** `fails` always throws, `delays` puts itself back an hour later, anything else returns what it was given. */
  async function process(job: Job, token?: string): Promise<unknown> {
    runs.set(job.id!, (runs.get(job.id!) ?? 0) + 1);
    if (job.name === 'fails') throw new Error('the probe always fails');
    if (job.name === 'delays') return delayJob(job, Date.now() + 3_600_000, token);
    return job.data;
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    ledger = new JobLedger(dataSource, prefix);
    queue = new Queue(QUEUE, { connection: { url: REDIS_URL }, prefix });
    worker = createJobWorker(QUEUE, process, { redisUrl: REDIS_URL, prefix, ledger, onDead: (_, job) => dead.push(job.id!) });
  });
  afterAll(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await dataSource.query('DELETE FROM jobs.jobs WHERE prefix = $1', [prefix]);
    await dataSource.destroy();
  });

  async function recorded(name: string, data: Record<string, unknown> = {}): Promise<string> {
    const jobId = randomUUID();
    await recordJobs(dataSource, prefix, [{ queue: QUEUE, jobId, name, data, dueAt: new Date() }]);
    return jobId;
  }
  const stateOf = async (jobId: string) => (await ledger.find(QUEUE, jobId))?.state;

  it('records a completed job with what it returned, and does not run it again when it is delivered again', async () => {
    const jobId = await recorded('echo', { n: 7 });
    await queue.add('echo', { n: 7 }, { jobId });
    await eventually(async () => (await stateOf(jobId)) === 'completed');
    expect(await ledger.find(QUEUE, jobId)).toMatchObject({ state: 'completed', attempts: 1, outcome: { n: 7 }, lastError: null });

    // Redis forgot it and it came back (a lost key, a stray enqueue): answered from the record, not run.
    await (await queue.getJob(jobId))!.remove();
    await queue.add('echo', { n: 7 }, { jobId });
    await eventually(async () => (await queue.getJob(jobId))?.finishedOn !== undefined);
    expect((await queue.getJob(jobId))!.returnvalue).toEqual({ n: 7 });
    expect(runs.get(jobId)).toBe(1);
  });

  it('records each failed attempt, and a job that failed its last one as dead, told once', async () => {
    const jobId = await recorded('fails');
    await queue.add('fails', {}, { jobId, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    await eventually(async () => (await stateOf(jobId)) === 'dead');
    expect(await ledger.find(QUEUE, jobId)).toMatchObject({ state: 'dead', attempts: 3, lastError: 'the probe always fails' });
    expect(dead.filter((id) => id === jobId)).toHaveLength(1);
    expect(runs.get(jobId)).toBe(3);
  });

  it('records a job that put itself back as pending, due then, the attempt not counted', async () => {
    const jobId = await recorded('delays');
    const before = Date.now();
    await queue.add('delays', {}, { jobId });
    // Recorded pending from the start: what shows the run is the due time moved an hour on.
    await eventually(async () => ((await ledger.find(QUEUE, jobId))?.dueAt.getTime() ?? 0) >= before + 3_600_000);
    expect(await ledger.find(QUEUE, jobId)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await (await queue.getJob(jobId))!.getState()).toBe('delayed');
  });

  it('records a job no reactor recorded (an anchor) when it first runs', async () => {
    const jobId = `start-${randomUUID()}`;
    await queue.add('echo', { trigger: 'start' }, { jobId });
    await eventually(async () => (await stateOf(jobId)) === 'completed');
    expect(await ledger.find(QUEUE, jobId)).toMatchObject({ name: 'echo', data: { trigger: 'start' }, outcome: { trigger: 'start' }, position: null });
  });
});
