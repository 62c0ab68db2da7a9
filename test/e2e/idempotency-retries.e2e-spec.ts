import { Body, Controller, Global, INestApplication, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsInt, IsString, Min } from 'class-validator';
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureHttp } from '../../apps/api/src/http/configure-http';
import { HttpConventionsModule } from '../../apps/api/src/http/http-conventions.module';
import { IdempotencyStore } from '../../apps/api/src/http/idempotency.store';
import { dataSourceOptions } from '../../infra/data-source';
import { canonicalJson, EventStoreUnavailableError } from '@ree/event-store';
import { Roles } from '@ree/platform/auth';
import { APP_CONFIG } from '@ree/platform/config';
import { Ctx, READ_MODEL_POSITIONS } from '@ree/platform/http';
import { Metrics } from '@ree/platform/observability';
import { CommandContext, DomainRuleViolation } from '@ree/shared-kernel';
import { FakeReadModelPositions } from '../support/fake-read-model-positions';
import { expectProblem } from '../support/problem';
import { testConfig } from '../support/test-config';
import { bearer } from '../support/tokens';
import { eventually } from '@ree/testing';

class AttemptDto {
  @IsString() name: string;
  /** How many runs fail with a fault (503) before … */
  @IsInt() @Min(0) faults: number;
  /** … how many are refused (422), before the runs that succeed. */
  @IsInt() @Min(0) refusals: number;
}

interface Run {
  readonly now: string;
  readonly correlationId: string;
}

/** Every run of the handler, by the body's name: what the command saw of its time and correlation. */
const runs = new Map<string, Run[]>();

@Controller('attempts')
class AttemptsTestController {
  @Post()
  @Roles('exporter')
  attempt(@Body() body: AttemptDto, @Ctx() ctx: CommandContext): Run {
    const run = { now: ctx.now.toISOString(), correlationId: ctx.correlationId };
    const seen = [...(runs.get(body.name) ?? []), run];
    runs.set(body.name, seen);
    if (seen.length <= body.faults) throw new EventStoreUnavailableError(new Error('Connection terminated unexpectedly'));
    if (seen.length <= body.faults + body.refusals) throw new DomainRuleViolation('quota-exceeded', 'The annual quota is exhausted');
    return run;
  }
}

describe('Idempotency-Key retries: a keyed request is one command', () => {
  const config = testConfig();
  const exporter = bearer({ role: 'exporter', org: 'org-lanthanide', sub: 'exporter-retries' }, config);
  let dataSource: DataSource;
  let app: INestApplication;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, { extra: { max: 8 } })).initialize();
    @Global()
    @Module({
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: READ_MODEL_POSITIONS, useValue: new FakeReadModelPositions() },
        { provide: Metrics, useValue: new Metrics() },
      ],
      exports: [APP_CONFIG, DataSource, Metrics],
    })
    class TestInfrastructureModule {}
    const moduleRef = await Test.createTestingModule({ imports: [TestInfrastructureModule, HttpConventionsModule], controllers: [AttemptsTestController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    configureHttp(app, config);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
  });

  const send = (key: string, body: AttemptDto, correlationId = `attempt-${randomUUID()}`) =>
    request(app.getHttpServer()).post('/api/v1/attempts').set('Authorization', exporter).set('Idempotency-Key', key).set('X-Correlation-Id', correlationId).send(body);

  /** Waits (at most 5 s) until the clock has passed `instant`, so that a later request has a later time of its own. */
  async function clockPast(instant: string): Promise<void> {
    await eventually(() => Date.now() > Date.parse(instant), { timeoutMs: 5_000, intervalMs: 2, what: `the clock past ${instant}` });
  }

  const rowOf = async (key: string) =>
    (await dataSource.query('SELECT received_at, correlation_id, released_at, completed_at FROM platform.idempotency_keys WHERE key = $1', [key]))[0];

  it('runs a retry after a fault as the first attempt: its time and its correlation id, in the command, the answer and the header', async () => {
    const key = randomUUID();
    const body = { name: `fault-${randomUUID()}`, faults: 1, refusals: 0 };
    const firstId = `first-${randomUUID()}`;
    expectProblem(await send(key, body, firstId), 503, 'service-unavailable');
    const [first] = runs.get(body.name)!;
    expect(first.correlationId).toBe(firstId);
    expect(await rowOf(key)).toMatchObject({ correlation_id: firstId, released_at: expect.any(Date), completed_at: null });
    await clockPast(first.now);

    const retried = await send(key, body, `second-${randomUUID()}`);

    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first);
    expect(retried.headers['x-correlation-id']).toBe(firstId);
    expect(runs.get(body.name)).toEqual([first, first]);
    const replayed = await send(key, body);
    expect([replayed.status, replayed.headers['idempotent-replayed'], replayed.body]).toEqual([201, 'true', first]);
    expect(runs.get(body.name)).toHaveLength(2);
  });

  it('makes a retry after a 4xx a new command at its own time, as before', async () => {
    const key = randomUUID();
    const body = { name: `refusal-${randomUUID()}`, faults: 1, refusals: 1 };
    expectProblem(await send(key, body), 503, 'service-unavailable');
    expectProblem(await send(key, body), 422, 'quota-exceeded');
    const [first, second] = runs.get(body.name)!;
    expect(second).toEqual(first);
    expect(await rowOf(key)).toBeUndefined();
    await clockPast(first.now);

    const thirdId = `third-${randomUUID()}`;
    const third = await send(key, body, thirdId);

    expect(third.status).toBe(201);
    expect(third.body.correlationId).toBe(thirdId);
    expect(Date.parse(third.body.now)).toBeGreaterThan(Date.parse(first.now));
  });

  it('binds a key whose attempt ended in a fault to its body: another body is 422 idempotency-key-reused and does not run', async () => {
    const key = randomUUID();
    const body = { name: `bound-${randomUUID()}`, faults: 1, refusals: 0 };
    expectProblem(await send(key, body), 503, 'service-unavailable');
    expectProblem(await send(key, { ...body, faults: 0 }), 422, 'idempotency-key-reused');
    expect(runs.get(body.name)).toHaveLength(1);
  });

  it('runs a retry more than ten minutes after its first attempt at its own time, with its own correlation id', async () => {
    const key = randomUUID();
    const body = { name: `late-${randomUUID()}`, faults: 1, refusals: 0 };
    expectProblem(await send(key, body), 503, 'service-unavailable');
    await dataSource.query(`UPDATE platform.idempotency_keys SET received_at = received_at - interval '11 minutes' WHERE key = $1`, [key]);

    const lateId = `late-${randomUUID()}`;
    const late = await send(key, body, lateId);

    expect(late.status).toBe(201);
    expect(late.body.correlationId).toBe(lateId);
    expect(late.headers['x-correlation-id']).toBe(lateId);
    expect(Date.parse(late.body.now)).toBeGreaterThanOrEqual(Date.parse(runs.get(body.name)![0].now));
  });

  it('takes over the claim of a process that died mid-request as that request', async () => {
    const key = randomUUID();
    const body = { name: `died-${randomUUID()}`, faults: 0, refusals: 0 };
    const died = { receivedAt: new Date(Date.now() - 180_000), correlationId: `died-${randomUUID()}` };
    const scope = { subject: 'exporter-retries', method: 'POST', path: '/api/v1/attempts', key };
    const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    expect(await new IdempotencyStore(dataSource, config).claim(scope, requestHash, died)).toMatchObject({ kind: 'claimed' });
    await dataSource.query(`UPDATE platform.idempotency_keys SET created_at = now() - interval '3 minutes' WHERE key = $1`, [key]);

    const retried = await send(key, body);

    expect(retried.status).toBe(201);
    expect(retried.body).toEqual({ now: died.receivedAt.toISOString(), correlationId: died.correlationId });
    expect(retried.headers['x-correlation-id']).toBe(died.correlationId);
  });
});
