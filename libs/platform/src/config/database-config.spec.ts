import { ConfigError, loadConfig } from './app-config';
import { applicationNameOf } from './database-config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the database settings of the configuration', () => {
  it('defaults to timeouts that end a stuck session, a queue of 2,000 per pool and a 5 s horizon warning', () => {
    expect(loadConfig({}).database).toEqual({
      applicationName: undefined,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 60_000,
      migrationStatementTimeoutMs: 3_600_000,
      connectTimeoutMs: 5_000,
      poolQueueLimit: 2_000,
      poolAcquireTimeoutMs: 15_000,
      horizonWarnAfterMs: 5_000,
    });
  });

  it('reads every setting from the environment', () => {
    const database = loadConfig({
      DATABASE_APPLICATION_NAME: 'ree-api-eu-1',
      DATABASE_STATEMENT_TIMEOUT_MS: '10000',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '20000',
      MIGRATION_STATEMENT_TIMEOUT_MS: '600000',
      DATABASE_CONNECT_TIMEOUT_MS: '3000',
      POOL_QUEUE_LIMIT: '0',
      POOL_ACQUIRE_TIMEOUT_MS: '30000',
      HORIZON_WARN_AFTER_MS: '2000',
    }).database;
    expect(database).toEqual({
      applicationName: 'ree-api-eu-1',
      statementTimeoutMs: 10_000,
      idleInTransactionTimeoutMs: 20_000,
      migrationStatementTimeoutMs: 600_000,
      connectTimeoutMs: 3_000,
      poolQueueLimit: 0,
      poolAcquireTimeoutMs: 30_000,
      horizonWarnAfterMs: 2_000,
    });
  });

  it('names a process ree-<role> unless an application name is configured', () => {
    expect(applicationNameOf(loadConfig({}).database, 'worker')).toBe('ree-worker');
    expect(applicationNameOf(loadConfig({ DATABASE_APPLICATION_NAME: 'ree-worker-2' }).database, 'worker')).toBe('ree-worker-2');
  });

  it('refuses, one line each, a timeout of 0 (which would turn the guard off), a negative queue and an unsafe application name', () => {
    expect(
      problemsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0', POOL_QUEUE_LIMIT: '-1', DATABASE_APPLICATION_NAME: "ree'; DROP" }),
    ).toEqual([
      `DATABASE_APPLICATION_NAME: "ree'; DROP" must be 1 to 40 letters, digits, ".", "-" or "_"`,
      'DATABASE_STATEMENT_TIMEOUT_MS: "0" is not a whole number from 100 to 3600000',
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "0" is not a whole number from 100 to 3600000',
      'POOL_QUEUE_LIMIT: "-1" is not a whole number from 0 to 1000000',
    ]);
  });
});
