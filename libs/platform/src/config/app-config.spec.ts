import { ConfigError, DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config';

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function problemsOf(env: Record<string, string>): readonly string[] {
  return configErrorOf(env).problems;
}

const OWN_SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('starts with the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'postgres://ree_app@127.0.0.1:5432/ree',
      migrationDatabaseUrl: 'postgres://ree_owner@127.0.0.1:5432/ree',
      databaseBootstrapUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      redisUrl: 'redis://127.0.0.1:6379',
      eventStore: 'postgres',
      readYourWritesTimeoutMs: 5_000,
      idempotencyClaimTimeoutMs: 120_000,
      logLevel: 'info',
      deadlines: { arrivalNotConfirmedDays: 60, endUseCheckOverdueDays: 90 },
    });
    expect(config.jwt).toEqual({
      secret: DEVELOPMENT_JWT_SECRET,
      jwksUrl: undefined,
      issuer: DEFAULT_JWT_ISSUER,
      audience: DEFAULT_JWT_AUDIENCE,
      usingDevelopmentSecret: true,
    });
  });

  it('logs only warnings by default in tests', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' })).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('takes the values it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:pw@db:5432/ree',
      REDIS_URL: 'rediss://cache:6380',
      JWT_SECRET: OWN_SECRET,
      LOG_LEVEL: 'debug',
      ARRIVAL_NOT_CONFIRMED_DAYS: '30',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://app:pw@db:5432/ree',
      migrationDatabaseUrl: 'postgresql://ree_owner@db:5432/ree',
      databaseBootstrapUrl: 'postgresql://postgres@db:5432/postgres',
      redisUrl: 'rediss://cache:6380',
      logLevel: 'debug',
      deadlines: { arrivalNotConfirmedDays: 30 },
    });
    expect(config.jwt).toMatchObject({ secret: OWN_SECRET, usingDevelopmentSecret: false });
  });

  it('derives the owner’s and the bootstrap connections from DATABASE_URL, and takes them when given', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app:pw@db:5433/prod' })).toMatchObject({
      migrationDatabaseUrl: 'postgres://ree_owner@db:5433/prod',
      databaseBootstrapUrl: 'postgres://postgres@db:5433/postgres',
    });
    expect(
      loadConfig({ MIGRATION_DATABASE_URL: 'postgres://owner:secret@db/ree', DATABASE_BOOTSTRAP_URL: 'postgres://admin:secret@db/postgres' }),
    ).toMatchObject({ migrationDatabaseUrl: 'postgres://owner:secret@db/ree', databaseBootstrapUrl: 'postgres://admin:secret@db/postgres' });
    expect(problemsOf({ MIGRATION_DATABASE_URL: 'mysql://db/ree' })).toEqual(['MIGRATION_DATABASE_URL: "mysql://db/ree" must start with postgres:// or postgresql://']);
  });

  it('reports every bad value on its own line, naming the variable', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/ree',
      REDIS_URL: 'not a url',
      EVENT_STORE: 'kafka',
      LOG_LEVEL: 'loud',
      READ_YOUR_WRITES_TIMEOUT_MS: '-1',
    });
    expect(problems).toHaveLength(6);
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'EVENT_STORE', 'LOG_LEVEL', 'READ_YOUR_WRITES_TIMEOUT_MS']) {
      expect(problems.filter((line) => line.startsWith(`${name}:`))).toHaveLength(1);
    }
    expect(problems.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('waits ten minutes by default before reconciling a draw, gives each test process queues of its own, and refuses a delay under a second or a bad queue prefix', () => {
    expect(loadConfig({}).jobs).toEqual({
      queuePrefix: 'ree',
      reconcileAfterMs: 600_000,
      expiryDelayFloorMs: 600_000,
      flagDelayFloorMs: 600_000,
      sweepIntervalMs: 60_000,
    });
    expect(loadConfig({ RECONCILE_AFTER_MS: '60000', QUEUE_PREFIX: 'ree-staging' }).jobs).toEqual({
      queuePrefix: 'ree-staging',
      reconcileAfterMs: 60_000,
      expiryDelayFloorMs: 600_000,
      flagDelayFloorMs: 600_000,
      sweepIntervalMs: 60_000,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).jobs.queuePrefix).toMatch(/^ree-test-[0-9a-f]{8}$/);
    const problems = problemsOf({ RECONCILE_AFTER_MS: '999', QUEUE_PREFIX: 'a:b' });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['QUEUE_PREFIX', 'RECONCILE_AFTER_MS']);
  });

  it('sweeps the jobs every minute by default, as often as asked from 100 ms, and refuses less or a non-number', () => {
    expect(loadConfig({ JOB_SWEEP_INTERVAL_MS: '250' }).jobs.sweepIntervalMs).toBe(250);
    expect(problemsOf({ JOB_SWEEP_INTERVAL_MS: '99' })).toEqual([expect.stringMatching(/^JOB_SWEEP_INTERVAL_MS: "99"/)]);
    expect(problemsOf({ JOB_SWEEP_INTERVAL_MS: 'often' })).toEqual([expect.stringMatching(/^JOB_SWEEP_INTERVAL_MS: "often"/)]);
  });

  it('sweeps integrity nightly at 02:00 UTC by default, on the cron pattern given, and refuses what is no pattern of five fields', () => {
    expect(loadConfig({}).integritySweepCron).toBe('0 2 * * *');
    expect(loadConfig({ INTEGRITY_SWEEP_CRON: '30 4 * * 1-5' }).integritySweepCron).toBe('30 4 * * 1-5');
    expect(problemsOf({ INTEGRITY_SWEEP_CRON: 'nightly' })).toEqual([expect.stringMatching(/^INTEGRITY_SWEEP_CRON: "nightly" is not a cron pattern of five fields/)]);
    expect(problemsOf({ INTEGRITY_SWEEP_CRON: '0 2 * *' })).toEqual([expect.stringMatching(/^INTEGRITY_SWEEP_CRON/)]);
  });

  it('takes LOW_YIELD floors per process, leaving the others to the review library', () => {
    expect(loadConfig({}).flags).toEqual({ yieldFloors: {} });
    expect(loadConfig({ LOW_YIELD_FLOORS: ' ' }).flags).toEqual({ yieldFloors: {} });
    expect(loadConfig({ LOW_YIELD_FLOORS: 'separation=0.9, smelting = 0.925,magnet-manufacture=1' }).flags).toEqual({
      yieldFloors: { separation: 0.9, smelting: 0.925, 'magnet-manufacture': 1 },
    });
  });

  it.each([
    ['separation', '"separation" is not process=ratio'],
    ['separation=0.9=1', '"separation=0.9=1" is not process=ratio'],
    ['separation=0.9,', '"" is not process=ratio'],
    ['refining=0.9', '"refining" is not a process (beneficiation, separation, smelting, conversion, alloying, magnet-manufacture, other)'],
    ['smelting=0', 'smelting: "0" is not a ratio greater than 0 and at most 1'],
    ['smelting=1.01', 'smelting: "1.01" is not a ratio greater than 0 and at most 1'],
    ['smelting=-0.5', 'smelting: "-0.5" is not a ratio greater than 0 and at most 1'],
    ['smelting=92%', 'smelting: "92%" is not a ratio greater than 0 and at most 1'],
    ['smelting=0.9,smelting=0.8', 'smelting is named twice'],
  ])('refuses LOW_YIELD_FLOORS=%s in one line', (value, problem) => {
    expect(problemsOf({ LOW_YIELD_FLOORS: value })).toEqual([
      `LOW_YIELD_FLOORS: ${problem}; expected process=ratio pairs, e.g. separation=0.9,smelting=0.92`,
    ]);
  });

  it('puts each problem on its own line of the error message', () => {
    expect(configErrorOf({ PORT: '70000', NODE_ENV: 'staging' }).message.split('\n')).toEqual([
      'Invalid configuration:',
      '  - NODE_ENV: "staging" is not one of development, test, production',
      '  - PORT: "70000" is not a whole number from 0 to 65535',
    ]);
  });

  it('refuses the development secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^JWT_SECRET: the development secret is refused/)]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
      expect.stringMatching(/^JWT_SECRET: the development secret is refused/),
    ]);
  });

  it('starts in production with a secret of its own or a JWKS', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: OWN_SECRET }).jwt.usingDevelopmentSecret).toBe(false);
    const withJwks = loadConfig({ NODE_ENV: 'production', JWKS_URL: 'https://idp.example/jwks' });
    expect(withJwks.jwt).toMatchObject({ secret: undefined, jwksUrl: 'https://idp.example/jwks', usingDevelopmentSecret: false });
  });

  it('refuses a short secret', () => {
    expect(problemsOf({ JWT_SECRET: 'short' })).toEqual(['JWT_SECRET: must be at least 32 characters long']);
  });

  it('needs a connection string for EventStoreDB', () => {
    expect(problemsOf({ EVENT_STORE: 'eventstoredb' })).toEqual([expect.stringMatching(/^EVENTSTORE_CONNECTION_STRING: required/)]);
    expect(loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' }).eventStore).toBe(
      'eventstoredb',
    );
  });
});
