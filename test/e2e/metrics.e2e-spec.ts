import type { INestApplication } from '@nestjs/common';
import { RECONCILE_DRAWS_QUEUE } from '@ree/consignment';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { EXPIRE_LICENCES_QUEUE } from '@ree/licensing';
import { Role } from '@ree/platform/auth';
import { loadConfig } from '@ree/platform/config';
import { JOB_RECORD_STATES, JobLedger, JobQueues, recordJobs } from '@ree/platform/jobs';
import { QUEUE_STATES } from '@ree/platform/observability';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp, MONITORED_QUEUES } from '../../apps/api/src/api.module';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '@ree/testing';

/** One line of Prometheus's text format: `name{label="value",…} value`. */
interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`Not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map(([, name, value]) => [name, value.replace(/\\(.)/g, '$1')]),
      );
      return { name: match[1], labels, value: Number(match[3].replace('Inf', 'Infinity')) };
    });
}

/** The samples of a metric whose labels include the given ones. */
const samplesOf = (samples: readonly Sample[], name: string, labels: Record<string, string> = {}): Sample[] =>
  samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));

/** The value of the one sample that matches, 0 when there is none (a counter not yet moved). */
function valueOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samplesOf(samples, name, labels);
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value ?? 0;
}

/**
 * Positions become visible to ordered readers once every older transaction of the cluster has
 * ended (docs/decisions.md, 1), so the head can trail an append for a moment. Answers the head.
 */
async function untilHeadReaches(store: EventStore, position: string): Promise<string> {
  const head = await eventually(() => store.headPosition(), (head) => head !== null && store.comparePositions(head, position) >= 0, { what: `the head at ${position}` });
  return head!;
}

async function scrape(server: Parameters<typeof request>[0]): Promise<Sample[]> {
  const response = await request(server).get('/metrics').expect(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(response.text);
}

describe('GET /metrics', () => {
  describe('with PostgreSQL and Redis up', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.close());

    const bearer = (role: Role) => `Bearer ${app.token(role)}`;
    const post = (path: string, body: object, role: Role = 'licensing-officer') =>
      app.http().post(`/api/v1${path}`).set('Authorization', bearer(role)).send(body);
    const aParty = () => ({ name: `Metrics party ${randomUUID().slice(0, 8)}`, country: 'US', reason: 'metrics e2e', listReference: 'UEL-MET' });

    it('is served without a token outside the base path, with Node metrics under the ree_ prefix', async () => {
      const response = await app.http().get('/metrics').expect(200);

      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.text).toContain('# TYPE ree_commands_total counter');
      expect(response.text).toContain('# TYPE ree_event_store_append_seconds histogram');
      const samples = parseExposition(response.text);
      expect(samplesOf(samples, 'ree_process_cpu_user_seconds_total')).toHaveLength(1);
      expect(samplesOf(samples, 'ree_nodejs_heap_size_used_bytes')).toHaveLength(1);
      await app.http().get('/api/v1/metrics').expect(404);
    });

    it('counts commands by type and outcome, with the code of a refusal, and not what ran no command', async () => {
      const before = await scrape(app.api.getHttpServer());

      const listed = await post('/restricted-parties', aParty());
      expect(listed.status).toBe(201);
      const delisted = await post(`/restricted-parties/${listed.body.id}/delist`, { reason: 'metrics e2e' });
      expect(delisted.status).toBe(200);
      const refused = await post(`/restricted-parties/${listed.body.id}/delist`, { reason: 'twice' });
      expect([refused.status, refused.body.code]).toEqual([422, 'invalid-transition']);
      const invalid = await post('/mines', { name: '' });
      expect([invalid.status, invalid.body.code]).toEqual([400, 'validation-failed']);
      // Turned away by authorisation: no command ran.
      expect((await post('/restricted-parties', aParty(), 'exporter')).status).toBe(403);
      // The same Idempotency-Key twice: the second answer is replayed, the command ran once.
      const key = randomUUID();
      const party = aParty();
      const first = await post('/restricted-parties', party).set('Idempotency-Key', key);
      const replayed = await post('/restricted-parties', party).set('Idempotency-Key', key);
      expect([first.status, replayed.status, replayed.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);

      const after = await scrape(app.api.getHttpServer());
      const moved = (labels: Record<string, string>) => valueOf(after, 'ree_commands_total', labels) - valueOf(before, 'ree_commands_total', labels);
      expect(moved({ command: 'list-restricted-party', outcome: 'ok' })).toBe(2);
      expect(moved({ command: 'delist-restricted-party', outcome: 'ok' })).toBe(1);
      expect(moved({ command: 'delist-restricted-party', outcome: 'rejected', code: 'invalid-transition' })).toBe(1);
      expect(moved({ command: 'register-mine', outcome: 'rejected', code: 'validation-failed' })).toBe(1);
      expect(samplesOf(after, 'ree_commands_total', { code: 'forbidden-for-role' })).toEqual([]);
      expect(samplesOf(after, 'ree_commands_total', { outcome: 'error' })).toEqual([]);

      // Three appends: two listings and one delisting; the refusal appended nothing.
      const appends = (samples: Sample[]) => valueOf(samples, 'ree_event_store_append_seconds_count', { outcome: 'ok' });
      expect(appends(after) - appends(before)).toBe(3);
      expect(valueOf(after, 'ree_event_store_append_seconds_sum', { outcome: 'ok' })).toBeGreaterThan(0);
      expect(valueOf(after, 'ree_event_store_append_seconds_bucket', { outcome: 'ok', le: '+Inf' })).toBe(appends(after));
    });

    it('reports the jobs PostgreSQL records by queue and state, a dead one among them', async () => {
      const ledger = app.api.get(JobLedger);
      const queue = `metrics.probe-${randomUUID().slice(0, 8)}`;
      const dataSource = app.api.get(DataSource);
      const [dead, pending] = [randomUUID(), randomUUID()];
      await recordJobs(dataSource, ledger.prefix, [dead, pending].map((jobId) => ({ queue, jobId, name: 'probe', data: {}, dueAt: new Date() })));
      await ledger.start(queue, { id: dead, name: 'probe', data: {} });
      await ledger.fail(queue, dead, 'always fails', true);
      try {
        const samples = await scrape(app.api.getHttpServer());
        for (const state of JOB_RECORD_STATES) expect(samplesOf(samples, 'ree_jobs', { queue, state })).toHaveLength(1);
        expect(valueOf(samples, 'ree_jobs', { queue, state: 'dead' })).toBe(1);
        expect(valueOf(samples, 'ree_jobs', { queue, state: 'pending' })).toBe(1);
        expect(valueOf(samples, 'ree_jobs', { queue, state: 'completed' })).toBe(0);
        expect(valueOf(samples, 'ree_metrics_collector_up', { collector: 'jobs' })).toBe(1);
      } finally {
        await dataSource.query('DELETE FROM jobs.jobs WHERE queue = $1', [queue]);
      }
    });

    it('reports the lag of every projection and the depth of every queue, read at scrape time', async () => {
      const listed = await post('/restricted-parties', aParty());
      const store = app.api.get<EventStore>(EVENT_STORE);
      const head = await untilHeadReaches(store, listed.body.position);
      // Two checkpoints of our own, so the test needs no projector to have moved: one at the head, one that applied nothing.
      const current = `metrics-current-${randomUUID()}`;
      const behind = `metrics-behind-${randomUUID()}`;
      const dataSource = app.api.get(DataSource);
      await dataSource.query(`INSERT INTO projections.checkpoints (name, checkpoint, updated_at) VALUES ($1, $2, now()), ($3, NULL, now())`, [
        current,
        head,
        behind,
      ]);
      const jobId = randomUUID();
      const queues = app.api.get(JobQueues);
      await queues.enqueue([{ queue: RECONCILE_DRAWS_QUEUE, name: 'metrics-probe', jobId, data: {}, delayMs: 3_600_000 }]);
      // The worker's reactors replay the shared test database meanwhile, adding delayed jobs of other suites' events
      // (10 minutes ahead, so none leaves the delayed set): the gauge lies between BullMQ's counts before and after.
      const delayedOf = (queue: string) => queues.queue(queue).getDelayedCount();
      const before = { draws: await delayedOf(RECONCILE_DRAWS_QUEUE), expiries: await delayedOf(EXPIRE_LICENCES_QUEUE) };

      try {
        const samples = await scrape(app.api.getHttpServer());
        const after = { draws: await delayedOf(RECONCILE_DRAWS_QUEUE), expiries: await delayedOf(EXPIRE_LICENCES_QUEUE) };

        const names: { name: string }[] = await dataSource.query('SELECT name FROM projections.checkpoints');
        for (const { name } of names) {
          expect(samplesOf(samples, 'ree_projection_lag_events', { projection: name })).toHaveLength(1);
          expect(samplesOf(samples, 'ree_projection_lag_seconds', { projection: name })).toHaveLength(1);
        }
        expect(valueOf(samples, 'ree_projection_lag_events', { projection: current })).toBe(0);
        expect(valueOf(samples, 'ree_projection_lag_seconds', { projection: current })).toBe(0);
        // Behind by every event so far (this file's earlier listings and delisting at least), the oldest recorded before this test began.
        expect(valueOf(samples, 'ree_projection_lag_events', { projection: behind })).toBeGreaterThanOrEqual(4);
        expect(valueOf(samples, 'ree_projection_lag_seconds', { projection: behind })).toBeGreaterThan(0);

        expect(MONITORED_QUEUES).toEqual(expect.arrayContaining([RECONCILE_DRAWS_QUEUE, EXPIRE_LICENCES_QUEUE]));
        for (const queue of MONITORED_QUEUES) {
          for (const state of QUEUE_STATES) expect(samplesOf(samples, 'ree_queue_jobs', { queue, state })).toHaveLength(1);
        }
        expect(before.draws).toBeGreaterThanOrEqual(1);
        const draws = valueOf(samples, 'ree_queue_jobs', { queue: RECONCILE_DRAWS_QUEUE, state: 'delayed' });
        expect(draws).toBeGreaterThanOrEqual(before.draws);
        expect(draws).toBeLessThanOrEqual(after.draws);
        const expiries = valueOf(samples, 'ree_queue_jobs', { queue: EXPIRE_LICENCES_QUEUE, state: 'delayed' });
        expect(expiries).toBeGreaterThanOrEqual(before.expiries);
        expect(expiries).toBeLessThanOrEqual(after.expiries);
        expect(valueOf(samples, 'ree_metrics_collector_up', { collector: 'projections' })).toBe(1);
        expect(valueOf(samples, 'ree_metrics_collector_up', { collector: 'queues' })).toBe(1);
      } finally {
        await queues.queue(RECONCILE_DRAWS_QUEUE).remove(jobId);
        await dataSource.query('DELETE FROM projections.checkpoints WHERE name = ANY($1)', [[current, behind]]);
      }
    });
  });

  describe('with Redis unreachable and a rate limit of one request a minute', () => {
    let api: INestApplication;
    const projection = `metrics-outage-${randomUUID()}`;
    beforeAll(async () => {
      // Nothing listens on port 1: connecting is refused at once.
      api = await createApiApp({ config: loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '1' }) });
      await api.init();
      await api.get(DataSource).query(`INSERT INTO projections.checkpoints (name, checkpoint, updated_at) VALUES ($1, NULL, now())`, [projection]);
    });
    afterAll(async () => {
      await api.get(DataSource).query('DELETE FROM projections.checkpoints WHERE name = $1', [projection]);
      await api.close();
    });

    it('answers every scrape at once with what it could read, and says which part is missing', async () => {
      for (let scrapeNo = 0; scrapeNo < 3; scrapeNo += 1) {
        const started = Date.now();
        const samples = await scrape(api.getHttpServer());

        expect(Date.now() - started).toBeLessThan(1_500);
        expect(samplesOf(samples, 'ree_queue_jobs')).toEqual([]);
        expect(valueOf(samples, 'ree_metrics_collector_up', { collector: 'queues' })).toBe(0);
        expect(valueOf(samples, 'ree_metrics_collector_up', { collector: 'projections' })).toBe(1);
        expect(samplesOf(samples, 'ree_projection_lag_events', { projection })).toHaveLength(1);
      }
    });
  });
});
