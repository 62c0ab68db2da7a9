/** Reads a whole number from the environment within bounds (app-config's reader: a bad value is a problem line). */
export type IntegerReader = (name: string, fallback: number, min: number, max: number) => number;

/**
 * How every PostgreSQL session of a process is set up, and how its pools queue requests
 * (docs/operations.md, "Connections and backpressure").
 */
export interface DatabaseConfig {
  /** `application_name` of the process's sessions (`DATABASE_APPLICATION_NAME`); `ree-<role>` when unset. Pools add `-events`, `-listen`, `-locks`. */
  readonly applicationName?: string;
  /** `statement_timeout` of the API's and the worker's sessions (`DATABASE_STATEMENT_TIMEOUT_MS`). */
  readonly statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout` of every session (`DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS`). */
  readonly idleInTransactionTimeoutMs: number;
  /** `statement_timeout` of `npm run migrate` (`MIGRATION_STATEMENT_TIMEOUT_MS`): a migration may rewrite a large table. */
  readonly migrationStatementTimeoutMs: number;
  /** The longest the handshake of a new connection may take before PostgreSQL counts as unreachable (`DATABASE_CONNECT_TIMEOUT_MS`). */
  readonly connectTimeoutMs: number;
  /** Requests that may wait for a connection, per pool; one more is refused 503 `overloaded` (`POOL_QUEUE_LIMIT`). */
  readonly poolQueueLimit: number;
  /** The longest a request waits for a connection before 503 `overloaded` (`POOL_ACQUIRE_TIMEOUT_MS`). */
  readonly poolAcquireTimeoutMs: number;
  /** A held-back readable horizon is logged as a warning once it is this old (`HORIZON_WARN_AFTER_MS`). */
  readonly horizonWarnAfterMs: number;
}

const APPLICATION_NAME = /^[A-Za-z0-9_.-]{1,40}$/;

export function databaseConfig(env: Readonly<Record<string, string | undefined>>, integer: IntegerReader, problems: string[]): DatabaseConfig {
  const applicationName = env.DATABASE_APPLICATION_NAME || undefined;
  if (applicationName !== undefined && !APPLICATION_NAME.test(applicationName)) {
    problems.push(`DATABASE_APPLICATION_NAME: "${applicationName}" must be 1 to 40 letters, digits, ".", "-" or "_"`);
  }
  return {
    applicationName: applicationName !== undefined && APPLICATION_NAME.test(applicationName) ? applicationName : undefined,
    statementTimeoutMs: integer('DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 100, 3_600_000),
    idleInTransactionTimeoutMs: integer('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 100, 3_600_000),
    migrationStatementTimeoutMs: integer('MIGRATION_STATEMENT_TIMEOUT_MS', 3_600_000, 1_000, 86_400_000),
    connectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
    poolQueueLimit: integer('POOL_QUEUE_LIMIT', 2_000, 0, 1_000_000),
    poolAcquireTimeoutMs: integer('POOL_ACQUIRE_TIMEOUT_MS', 15_000, 100, 300_000),
    horizonWarnAfterMs: integer('HORIZON_WARN_AFTER_MS', 5_000, 10, 3_600_000),
  };
}

/** The application name of a process's sessions: the configured one, else `ree-<role>`. */
export function applicationNameOf(config: DatabaseConfig, role: string): string {
  return config.applicationName ?? `ree-${role}`;
}
