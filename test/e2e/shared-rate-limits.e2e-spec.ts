import { INestApplication } from '@nestjs/common';
import { Role, signDevelopmentToken } from '@ree/platform/auth';
import { AppConfig, loadConfig } from '@ree/platform/config';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api.module';
import { OwnRedis, startOwnRedis } from '../support/own-redis';

/**
 * docs/decisions.md 33: the rate limits are counted in Redis, so two API processes sharing it
 * share each token's limit; while Redis cannot count, requests pass (fail open) and are counted in
 * `ree_rate_limit_uncounted_total`.
 */
const LIMIT = 4;

function configFor(redisUrl: string | undefined): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: redisUrl,
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
    // A busy machine may take longer than the production 500 ms to count: a count lost to it would let the fifth request through.
    RATE_LIMIT_REDIS_TIMEOUT_MS: '60000',
    // One deployment: both instances count under the same prefix.
    QUEUE_PREFIX: `ree-limits-${randomUUID().slice(0, 8)}`,
  });
}

const bearer = (config: AppConfig, role: Role, sub: string) => `Bearer ${signDevelopmentToken({ role, sub }, config)}`;

describe('rate limits shared across API processes', () => {
  const config = configFor(process.env.REDIS_URL);
  let first: INestApplication;
  let second: INestApplication;

  beforeAll(async () => {
    first = await createApiApp({ config });
    second = await createApiApp({ config });
    await Promise.all([first.init(), second.init()]);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('counts one token across both instances, and another token on its own', async () => {
    const busy = bearer(config, 'auditor', `busy-${randomUUID()}`);
    const statuses: number[] = [];
    for (let call = 0; call < LIMIT + 2; call += 1) {
      const app = call % 2 === 0 ? first : second;
      statuses.push((await request(app.getHttpServer()).get('/api/v1/mines').set('Authorization', busy)).status);
    }
    // Each instance alone saw at most three requests, under the limit of four: only a shared count refuses the fifth.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await request(first.getHttpServer()).get('/api/v1/mines').set('Authorization', busy);
    expect({ status: refused.status, code: refused.body.code, type: refused.headers['content-type'] }).toEqual({
      status: 429,
      code: 'rate-limited',
      type: expect.stringMatching(/^application\/problem\+json/),
    });
    const quiet = bearer(config, 'auditor', `quiet-${randomUUID()}`);
    expect((await request(second.getHttpServer()).get('/api/v1/mines').set('Authorization', quiet)).status).toBe(200);
  });
});

describe('rate limits while Redis is down', () => {
  let redis: OwnRedis;
  let config: AppConfig;
  let app: INestApplication;

  beforeAll(async () => {
    redis = await startOwnRedis([]);
    config = configFor(redis.url);
    app = await createApiApp({ config });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await redis?.stop();
  });

  it('lets requests through uncounted (fail open) and counts them in a metric', async () => {
    const token = bearer(config, 'auditor', `outage-${randomUUID()}`);
    const limited: number[] = [];
    for (let call = 0; call < LIMIT + 1; call += 1) limited.push((await request(app.getHttpServer()).get('/api/v1/mines').set('Authorization', token)).status);
    expect(limited).toEqual([200, 200, 200, 200, 429]);

    await redis.stop();
    const statuses: number[] = [];
    for (let call = 0; call < LIMIT + 2; call += 1) statuses.push((await request(app.getHttpServer()).get('/api/v1/mines').set('Authorization', token)).status);
    expect(statuses).toEqual(Array(LIMIT + 2).fill(200));
    const metrics = await request(app.getHttpServer()).get('/metrics');
    const uncounted = /^ree_rate_limit_uncounted_total (\d+)$/m.exec(metrics.text);
    expect(Number(uncounted?.[1])).toBeGreaterThanOrEqual(LIMIT + 2);
  });
});
