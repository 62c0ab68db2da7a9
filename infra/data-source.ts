import { DataSource, DataSourceOptions } from 'typeorm';
import { type DatabaseUrls, provisionDatabase, SET_UP_LOCK, userOf } from './database-roles';
import { MIGRATIONS } from './migrations';
import { grantApplicationPrivileges } from './privileges';

/**
 * The read-model and event-store database. Schemas come from the migrations in `infra/migrations`
 * only: `synchronize` stays off.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    ...extra,
  } as DataSourceOptions;
}

/**
 * The session settings of `npm run migrate` (see docs/operations.md, "Connections and
 * backpressure"): a statement may run long (a migration can rewrite a large table), but a session
 * idle inside a transaction is ended as everywhere else, since it holds back every reader of the
 * event store.
 */
export interface MigrationSession {
  readonly applicationName?: string;
  readonly statementTimeoutMs?: number;
  readonly idleInTransactionTimeoutMs?: number;
}

const MIGRATION_SESSION: Required<MigrationSession> = {
  applicationName: 'ree-migrate',
  statementTimeoutMs: 3_600_000,
  idleInTransactionTimeoutMs: 60_000,
};

/** pg's options for a session of the migrations. */
function pgOptionsOf(session: MigrationSession): Record<string, string | number> {
  const settings = { ...MIGRATION_SESSION, ...Object.fromEntries(Object.entries(session).filter(([, value]) => value !== undefined)) };
  return {
    application_name: settings.applicationName,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
  };
}

/**
 * What `npm start` and `npm run migrate` do before the apps start (docs/decisions.md, 27): both
 * roles and the database made to exist and the owner to own everything in it
 * (infra/database-roles.ts), the pending migrations run as the owner, then the application role
 * given exactly its privileges (infra/privileges.ts). Resolves to the migrations applied.
 */
export async function setUpDatabase(urls: DatabaseUrls, session: MigrationSession = {}): Promise<string[]> {
  await provisionDatabase(urls);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: urls.owner, ...pgOptionsOf(session) });
  await client.connect();
  try {
    // The API and the worker may start at once: their migrations and grants take turns.
    await client.query(`SELECT pg_advisory_lock(${SET_UP_LOCK})`);
    const applied = await runMigrations(urls.owner, session);
    await grantApplicationPrivileges(client, userOf(urls.application));
    return applied;
  } finally {
    await client.end();
  }
}

/**
 * Creates the database named in `url` if it does not exist, then runs every pending migration as
 * `url`'s role, granting nothing: for benchmarks, and tests of a database without roles.
 */
export async function migrate(url: string, session: MigrationSession = {}): Promise<string[]> {
  await ensureDatabase(url, session);
  return runMigrations(url, session);
}

async function runMigrations(url: string, session: MigrationSession): Promise<string[]> {
  const dataSource = migrationDataSource(url, session);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The DataSource the migrations run on, its sessions set up as `session` says. */
export function migrationDataSource(url: string, session: MigrationSession = {}): DataSource {
  return new DataSource(dataSourceOptions(url, { extra: pgOptionsOf(session) } as Partial<DataSourceOptions>));
}

export async function ensureDatabase(url: string, session: MigrationSession = {}): Promise<void> {
  await onMaintenanceDatabase(url, session, async (client, name, quoted) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${quoted}`);
  });
}

/** Drops and re-creates a database: for tests and benchmarks only. */
export async function recreateDatabase(url: string): Promise<void> {
  await dropDatabase(url, { andCreate: true });
}

/** Drops a database if it exists (and creates it afresh with `andCreate`): tests and benchmarks only. */
export async function dropDatabase(url: string, options: { andCreate?: boolean } = {}): Promise<void> {
  await onMaintenanceDatabase(url, {}, async (client, _name, quoted) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    if (options.andCreate) await client.query(`CREATE DATABASE ${quoted}`);
  });
}

/** Runs `work` on the server's `postgres` database, with the name of the database `url` points at. */
async function onMaintenanceDatabase(
  url: string,
  session: MigrationSession,
  work: (client: import('pg').Client, name: string, quoted: string) => Promise<void>,
): Promise<void> {
  const { Client } = await import('pg');
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString(), ...pgOptionsOf(session) });
  await client.connect();
  try {
    await work(client, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
