import { INestApplication } from '@nestjs/common';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Secret, sign, SignOptions } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../infra/data-source';
import { signDevelopmentToken } from '@ree/platform/auth';
import { AppConfig } from '@ree/platform/config';
import { expectProblem } from '../support/problem';
import { testConfig } from '../support/test-config';
import { bearer } from '../support/tokens';
import { startApp } from '../support/conventions-app';

describe('HTTP conventions: rate limits', () => {
  const config = testConfig({ RATE_LIMIT_PER_MINUTE: '3' });
  let dataSource: DataSource;
  let app: INestApplication;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    app = await startApp(config, dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
  });

  it('limits each token on its own, answers 429 rate-limited, and never limits health probes', async () => {
    const first = bearer({ role: 'auditor', sub: 'busy-auditor' }, config);
    const second = bearer({ role: 'auditor', sub: 'quiet-auditor' }, config);
    const statuses = [];
    for (let call = 0; call < 4; call += 1) statuses.push((await request(app.getHttpServer()).get('/api/v1/things/whoami').set('Authorization', first)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await request(app.getHttpServer()).get('/api/v1/things/whoami').set('Authorization', first);
    expectProblem(limited, 429, 'rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(app.getHttpServer()).get('/api/v1/things/whoami').set('Authorization', second)).status).toBe(200);
    for (let call = 0; call < 5; call += 1) expect((await request(app.getHttpServer()).get('/health/live')).status).toBe(200);
  });
});

describe('HTTP conventions: tokens from a JWKS', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Server;
  let dataSource: DataSource;
  let app: INestApplication;
  let config: AppConfig;

  beforeAll(async () => {
    jwks = createServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'key-1', alg: 'RS256', use: 'sig' }] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    config = testConfig({ JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks` });
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    app = await startApp(config, dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  const claims = { role: 'auditor', sub: 'oidc-user' };
  const signed = (key: Secret, options: SignOptions) =>
    `Bearer ${sign(claims, key, { issuer: config.jwt.issuer, audience: config.jwt.audience, expiresIn: '5m', ...options })}`;

  it('accepts an RS256 token signed by a key of the JWKS', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/things/whoami').set('Authorization', signed(privateKey, { algorithm: 'RS256', keyid: 'key-1' }));
    expect(response.status).toBe(200);
    expect(response.body.actor).toEqual({ sub: 'oidc-user', role: 'auditor' });
  });

  it('refuses HS256 tokens, even one signed with the public key, and unknown key ids', async () => {
    const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    for (const token of [
      signed(publicPem, { algorithm: 'HS256', keyid: 'key-1' }),
      signed('ree-development-secret-do-not-use-in-production', { algorithm: 'HS256' }),
      signed(privateKey, { algorithm: 'RS256', keyid: 'key-2' }),
    ]) {
      expectProblem(await request(app.getHttpServer()).get('/api/v1/things/whoami').set('Authorization', token), 401, 'unauthenticated');
    }
  });

  it('refuses to sign development tokens', () => {
    expect(() => signDevelopmentToken({ role: 'auditor' }, config)).toThrow(/JWKS/);
  });
});
