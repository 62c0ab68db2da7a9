import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { loadConfig } from '@ree/platform/config';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api.module';
import { untilReadable } from '@ree/testing';

const ROOT = path.resolve(__dirname, '..', '..');
/** Nothing listens here: connecting is refused at once. */
const CLOSED_PORT = 1;

async function startApi(env: NodeJS.ProcessEnv = {}): Promise<INestApplication> {
  const app = await createApiApp({ config: loadConfig({ ...process.env, ...env }) });
  await app.init();
  return app;
}

/** Runs the API's real entry point through ts-node, as `npm start` would run the compiled one. */
function runApiMain(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Positions become visible to ordered readers once every older transaction of the cluster has
 * ended (docs/decisions.md, 1), so the head can trail an append for a moment.
 */
async function untilHeadReaches(store: EventStore, position: string): Promise<void> {
  await untilReadable(store, position);
}

describe('operations', () => {
  describe('with PostgreSQL and Redis up', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await startApi();
    });
    afterAll(async () => {
      await app.close();
    });

    it('answers the liveness probe without a token', async () => {
      const response = await request(app.getHttpServer()).get('/health/live').expect(200);
      expect(response.body).toEqual({ status: 'live' });
    });

    it('keeps the probes outside the /api/v1 base path', async () => {
      await request(app.getHttpServer()).get('/api/v1/health/live').expect(404);
    });

    it('is ready when the database, the event store and Redis answer', async () => {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
      expect(response.body.status).toBe('ready');
      expect(response.body.checks).toEqual({
        database: expect.objectContaining({ status: 'up' }),
        eventStore: expect.objectContaining({ status: 'up' }),
        redis: expect.objectContaining({ status: 'up' }),
      });
    });

    it('reports how far each projection trails the event store', async () => {
      const store = app.get<EventStore>(EVENT_STORE);
      const appended = await store.appendToStream(`operations-${randomUUID()}`, [
        { type: 'ProbeRecorded', data: {}, metadata: { actor: { sub: 'operations-test', role: 'admin' } } },
      ]);
      await untilHeadReaches(store, appended.position);
      const behind = `behind-${randomUUID()}`;
      const current = `current-${randomUUID()}`;
      await app
        .get(DataSource)
        .query(`INSERT INTO projections.checkpoints (name, checkpoint, updated_at) VALUES ($1, NULL, now() - interval '1 minute'), ($2, $3, now())`, [
          behind,
          current,
          appended.position,
        ]);

      const response = await request(app.getHttpServer()).get('/health/ready').expect(200);

      const byName = new Map<string, { caughtUp: boolean; lagMs: number; checkpoint: string | null }>(
        response.body.projections.map((lag: { name: string }) => [lag.name, lag]),
      );
      expect(byName.get(behind)).toMatchObject({ checkpoint: null, caughtUp: false });
      expect(byName.get(behind)!.lagMs).toBeGreaterThanOrEqual(60_000);
      expect(byName.get(current)).toMatchObject({ checkpoint: appended.position, caughtUp: true, lagMs: 0 });
    });
  });

  describe('with Redis unreachable', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await startApi({ REDIS_URL: `redis://127.0.0.1:${CLOSED_PORT}` });
    });
    afterAll(async () => {
      await app.close();
    });

    it('is not ready, and says which check failed as problem+json', async () => {
      const response = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(response.text);
      expect(problem).toMatchObject({ status: 503, code: 'not-ready', title: 'Service Unavailable' });
      expect(problem.detail).toContain('redis');
      expect(problem.checks.redis.status).toBe('down');
      expect(problem.checks.database.status).toBe('up');
      expect(problem.checks.eventStore.status).toBe('up');
    });

    it('stays alive', async () => {
      await request(app.getHttpServer()).get('/health/live').expect(200);
    });
  });

  describe('start-up', () => {
    it('stops with one line naming PostgreSQL, the URL without its password and how to start it', async () => {
      const { code, stdout, stderr } = await runApiMain({ DATABASE_URL: `postgres://postgres:s3cret@127.0.0.1:${CLOSED_PORT}/ree` });

      expect(code).toBe(1);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^PostgreSQL is not reachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/ree .*docker compose up -d postgres redis/);
      expect(stderr).not.toContain('s3cret');
    });

    it('stops with one line per bad setting and no stack trace', async () => {
      const { code, stderr } = await runApiMain({ PORT: 'eighty', LOG_LEVEL: 'loud' });

      expect(code).toBe(1);
      expect(stderr).toContain('PORT: "eighty" is not a whole number');
      expect(stderr).toContain('LOG_LEVEL: "loud" is not one of');
      expect(stderr).not.toMatch(/^\s+at /m);
    });
  });
});
