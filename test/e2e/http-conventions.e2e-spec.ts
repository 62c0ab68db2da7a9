import { Body, Controller, Get, Global, HttpCode, INestApplication, LoggerService, Module, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Secret, sign, SignOptions } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureHttp } from '../../apps/api/src/http/configure-http';
import { HttpConventionsModule } from '../../apps/api/src/http/http-conventions.module';
import { dataSourceOptions } from '../../infra/data-source';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@ree/event-store';
import { Public, Roles, signDevelopmentToken, APP_CONFIG, AppConfig, CommandContext, Ctx, CommandResponse, READ_MODEL_POSITIONS, Metrics } from '@ree/platform';
import { DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { FakeReadModelPositions } from '../support/fake-read-model-positions';
import { expectProblem } from '../support/problem';
import { testConfig } from '../support/test-config';
import { bearer, refusedBearers } from '../support/tokens';

class ConsigneeDto {
  @IsString() name: string;
  @IsIn(['DE', 'FR', 'JP']) country: string;
}

class RegisterThingDto {
  @IsString() @MinLength(3) product: string;
  @IsNumber() @Min(0) quantityKg: number;
  @ValidateNested() @Type(() => ConsigneeDto) consignee: ConsigneeDto;
}

/** What the application logged as errors: a 500 must leave a line with its correlation id. */
const loggedErrors: string[] = [];
const captureErrors: LoggerService = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: unknown) => void loggedErrors.push(String(message)),
};

const positions = new FakeReadModelPositions();
const runs = new Map<string, number>();

@Controller('things')
class ThingsTestController {
  @Post()
  @Roles('exporter')
  async register(@Body() body: RegisterThingDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const tally = body.product;
    runs.set(tally, (runs.get(tally) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return CommandResponse.of(randomUUID(), { revision: 0, position: String(ctx.now.getTime()) });
  }

  @Post('failing')
  @Roles('exporter')
  fail(@Body() body: { attempt: number }): never {
    runs.set('failing', (runs.get('failing') ?? 0) + 1);
    throw new DomainRuleViolation('quota-exceeded', `The annual quota is exhausted (attempt ${body.attempt})`);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('licensing-officer')
  approve(@Param('id') id: string, @Ctx() ctx: CommandContext): never {
    throw new WrongExpectedRevisionError(`licence-${id}`, ctx.expectedRevision ?? 'any', 7);
  }

  @Get('whoami')
  @Roles('exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin')
  whoami(@Ctx() ctx: CommandContext): CommandContext {
    return ctx;
  }

  @Get('read')
  @Roles('auditor')
  read(): { position: string } {
    return { position: positions.current.toString() };
  }

  @Get('unguarded')
  unguarded(): string {
    return 'this must never be served';
  }

  @Get('missing')
  @Roles('auditor')
  missing(): never {
    throw new NotFound('Consignment', 'c-1');
  }

  @Get('store-down')
  @Roles('auditor')
  storeDown(): never {
    throw new EventStoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  }

  @Get('database-restarting')
  @Roles('auditor')
  databaseRestarting(): never {
    throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  }

  @Get('crash')
  @Roles('auditor')
  crash(): never {
    throw new Error('syntax error at or near "FROM" in SELECT secret FROM platform.users');
  }
}

@Controller('health')
@Public()
class HealthTestController {
  @Get('live')
  live(): { status: string } {
    return { status: 'up' };
  }
}

async function startApp(config: AppConfig, dataSource: DataSource): Promise<INestApplication> {
  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: DataSource, useValue: dataSource },
      { provide: READ_MODEL_POSITIONS, useValue: positions },
      { provide: Metrics, useValue: new Metrics() },
    ],
    exports: [APP_CONFIG, DataSource, Metrics],
  })
  class TestInfrastructureModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [TestInfrastructureModule, HttpConventionsModule],
    controllers: [ThingsTestController, HealthTestController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: captureErrors });
  configureHttp(app, config);
  await app.init();
  return app;
}

const validBody = (product: string) => ({ product, quantityKg: 12.5, consignee: { name: 'Nordwerk GmbH', country: 'DE' } });

describe('HTTP conventions', () => {
  const config = testConfig({ READ_YOUR_WRITES_TIMEOUT_MS: '400' });
  const exporter = bearer({ role: 'exporter', org: 'org-lanthanide', sub: 'exporter-1' }, config);
  const auditor = bearer({ role: 'auditor', sub: 'auditor-1' }, config);
  let dataSource: DataSource;
  let app: INestApplication;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, { extra: { max: 20 } })).initialize();
    app = await startApp(config, dataSource);
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
  });

  const http = () => request(app.getHttpServer());

  describe('authentication', () => {
    it('answers 401 problem+json without a token', async () => {
      const response = await http().get('/api/v1/things/whoami');
      expectProblem(response, 401, 'unauthenticated');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it.each(Object.keys(refusedBearers(config)))('answers 401 for a token that is refused: %s', async (name) => {
      const response = await http().get('/api/v1/things/whoami').set('Authorization', refusedBearers(config)[name]);
      expectProblem(response, 401, 'unauthenticated');
    });

    it('sets the actor from the token claims', async () => {
      const response = await http().get('/api/v1/things/whoami').set('Authorization', bearer({ role: 'exporter', org: 'org-x', sub: 'u-7', name: 'Ada' }, config));
      expect(response.status).toBe(200);
      expect(response.body.actor).toEqual({ sub: 'u-7', role: 'exporter', org: 'org-x', name: 'Ada' });
    });

    it('accepts a token within the clock tolerance of its expiry', async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = sign({ sub: 'late', role: 'auditor', exp: now - 2 }, config.jwt.secret!, { issuer: config.jwt.issuer, audience: config.jwt.audience });
      expect((await http().get('/api/v1/things/whoami').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    });
  });

  describe('authorisation', () => {
    it('answers 403 for a role the route does not name', async () => {
      expectProblem(await http().get('/api/v1/things/read').set('Authorization', exporter), 403, 'forbidden-for-role');
    });

    it('refuses a route without @Roles or @Public to every role', async () => {
      for (const role of ['exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin'] as const) {
        const response = await http().get('/api/v1/things/unguarded').set('Authorization', bearer({ role, org: 'org-1' }, config));
        expectProblem(response, 403, 'forbidden-for-role');
      }
    });

    it('serves public routes without a token, outside the base path', async () => {
      expect((await http().get('/health/live')).body).toEqual({ status: 'up' });
      expect((await http().get('/api/v1/health/live')).status).toBe(404);
    });
  });

  describe('errors as problem+json', () => {
    it('names every failing field of an invalid body, nested ones by path', async () => {
      const response = await http()
        .post('/api/v1/things')
        .set('Authorization', exporter)
        .send({ product: 'x', quantityKg: -1, consignee: { name: 4, country: 'XX' }, exporterOrg: 'someone-else' });
      const problem = expectProblem(response, 400, 'validation-failed');
      const fields = (problem.errors as Array<{ field: string }>).map((error) => error.field).sort();
      expect([...new Set(fields)]).toEqual(['consignee.country', 'consignee.name', 'exporterOrg', 'product', 'quantityKg']);
    });

    it('answers 400 malformed-json for a body that is not JSON', async () => {
      const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Content-Type', 'application/json').send('{"product": ');
      expectProblem(response, 400, 'malformed-json');
    });

    it('answers 413 for a body over 1 MB', async () => {
      const response = await http().post('/api/v1/things').set('Authorization', exporter).send({ ...validBody('big'), padding: 'x'.repeat(1_100_000) });
      expectProblem(response, 413, 'payload-too-large');
    });

    it('refuses __proto__ and constructor keys, and Object.prototype stays untouched', async () => {
      for (const body of ['{"__proto__": {"admin": true}}', `{"product": "neodymium", "consignee": {"constructor": {"prototype": {"admin": true}}}}`]) {
        const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Content-Type', 'application/json').send(body);
        expectProblem(response, 400, 'validation-failed');
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'admin')).toBe(false);
    });

    it('answers 422 with the code of a broken domain rule', async () => {
      const problem = expectProblem(await http().post('/api/v1/things/failing').set('Authorization', exporter).send({ attempt: 1 }), 422, 'quota-exceeded');
      expect(problem.detail).toBe('The annual quota is exhausted (attempt 1)');
    });

    it('answers 412 to a revision conflict with If-Match, 409 without', async () => {
      const officer = bearer({ role: 'licensing-officer' }, config);
      expectProblem(await http().post('/api/v1/things/l-1/approve').set('Authorization', officer).set('If-Match', '"3"').send({}), 412, 'precondition-failed');
      expectProblem(await http().post('/api/v1/things/l-1/approve').set('Authorization', officer).send({}), 409, 'concurrency-conflict');
      expectProblem(await http().post('/api/v1/things/l-1/approve').set('Authorization', officer).set('If-Match', 'three').send({}), 400, 'invalid-if-match');
    });

    it('answers 404 not-found for a missing resource and for an unknown route', async () => {
      expectProblem(await http().get('/api/v1/things/missing').set('Authorization', auditor), 404, 'not-found');
      expectProblem(await http().get('/api/v1/no-such-route').set('Authorization', auditor), 404, 'not-found');
    });

    it('answers 503 with Retry-After when the event store or the database is unavailable', async () => {
      for (const path of ['/api/v1/things/store-down', '/api/v1/things/database-restarting']) {
        const response = await http().get(path).set('Authorization', auditor);
        expectProblem(response, 503, 'service-unavailable');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    });

    it('answers an unexpected error with 500 and neither its message nor a stack, and logs it with the correlation id', async () => {
      const response = await http().get('/api/v1/things/crash').set('Authorization', auditor).set('X-Correlation-Id', 'crash-1');
      const problem = expectProblem(response, 500, 'internal-error');
      expect(problem.correlationId).toBe('crash-1');
      expect(response.text).not.toMatch(/SELECT|FROM|syntax|\.ts:\d+|at /);
      expect(loggedErrors.filter((line) => line.includes('crash-1') && line.includes('SELECT secret'))).toHaveLength(1);
    });
  });

  describe('correlation', () => {
    it('echoes an acceptable X-Correlation-Id and hands it to the handler', async () => {
      const response = await http().get('/api/v1/things/whoami').set('Authorization', auditor).set('X-Correlation-Id', 'client-42:a.b_c-d');
      expect(response.headers['x-correlation-id']).toBe('client-42:a.b_c-d');
      expect(response.body.correlationId).toBe('client-42:a.b_c-d');
    });

    it('replaces an unacceptable X-Correlation-Id with a UUID, on errors too', async () => {
      const response = await http().get('/api/v1/things/whoami').set('X-Correlation-Id', 'bad id\twith spaces');
      expect(response.status).toBe(401);
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
    });
  });

  describe('Idempotency-Key', () => {
    it('runs 100 concurrent identical POSTs once and gives 100 identical answers', async () => {
      const product = `praseodymium-${randomUUID()}`;
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 100 }, () => http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send(validBody(product))),
      );
      expect(runs.get(product)).toBe(1);
      const answers = new Set(responses.map((response) => JSON.stringify([response.status, response.headers.location, response.body])));
      expect(answers.size).toBe(1);
      const [first] = responses;
      expect(first.status).toBe(201);
      expect(first.headers.location).toBe(`/api/v1/things/${first.body.id}`);
    });

    it('answers 422 idempotency-key-reused for the same key with another body', async () => {
      const key = randomUUID();
      const product = `cerium-${randomUUID()}`;
      expect((await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send(validBody(product))).status).toBe(201);
      const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send({ ...validBody(product), quantityKg: 13 });
      expectProblem(response, 422, 'idempotency-key-reused');
      expect(runs.get(product)).toBe(1);
    });

    it('scopes a key by the caller: another caller with the same key runs its own request', async () => {
      const key = randomUUID();
      const product = `terbium-${randomUUID()}`;
      const other = bearer({ role: 'exporter', org: 'org-other', sub: 'exporter-2' }, config);
      const first = await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', key).send(validBody(product));
      const second = await http().post('/api/v1/things').set('Authorization', other).set('Idempotency-Key', key).send(validBody(product));
      expect(second.body.id).not.toBe(first.body.id);
      expect(runs.get(product)).toBe(2);
    });

    it('keeps nothing after a failed first request, so that a retry runs again', async () => {
      const key = randomUUID();
      const before = runs.get('failing') ?? 0;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        expectProblem(await http().post('/api/v1/things/failing').set('Authorization', exporter).set('Idempotency-Key', key).send({ attempt: 1 }), 422, 'quota-exceeded');
      }
      expect(runs.get('failing')).toBe(before + 2);
      const rows = await dataSource.query('SELECT 1 FROM platform.idempotency_keys WHERE key = $1', [key]);
      expect(rows).toHaveLength(0);
    });

    it('refuses a key over 200 characters', async () => {
      const response = await http().post('/api/v1/things').set('Authorization', exporter).set('Idempotency-Key', 'k'.repeat(201)).send(validBody('long-key'));
      expectProblem(response, 400, 'invalid-idempotency-key');
    });
  });

  describe('X-Min-Position', () => {
    it('waits until the read models reach the position', async () => {
      const target = positions.current + 5n;
      const pending = http().get('/api/v1/things/read').set('Authorization', auditor).set('X-Min-Position', target.toString()).then((response) => response);
      setTimeout(() => positions.advanceTo(target), 50);
      const response = await pending;
      expect(response.status).toBe(200);
      expect(BigInt(response.body.position)).toBeGreaterThanOrEqual(target);
      expect(response.headers['x-stale']).toBeUndefined();
    });

    it('answers anyway, marked X-Stale, when the read models do not catch up in time', async () => {
      const response = await http().get('/api/v1/things/read').set('Authorization', auditor).set('X-Min-Position', (positions.current + 1_000n).toString());
      expect(response.status).toBe(200);
      expect(response.headers['x-stale']).toBe('true');
    });

    it('answers 400 for a position that is not a decimal number', async () => {
      expectProblem(await http().get('/api/v1/things/read').set('Authorization', auditor).set('X-Min-Position', '12abc'), 400, 'invalid-min-position');
    });
  });

  describe('the application instance', () => {
    it('sets security headers and hides the framework', async () => {
      const response = await http().get('/health/live');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('publishes the OpenAPI document with bearer auth, and the Swagger UI', async () => {
      const document = await http().get('/api/docs-json');
      expect(document.status).toBe(200);
      expect(document.body.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
      expect(Object.keys(document.body.paths)).toContain('/api/v1/things');
      expect((await http().get('/api/docs')).status).toBe(200);
    });
  });
});

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
