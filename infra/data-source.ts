import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

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

/** Creates the database named in `url` if it does not exist, then runs every pending migration. */
export async function migrate(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function ensureDatabase(url: string): Promise<void> {
  await onMaintenanceDatabase(url, async (client, name, quoted) => {
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
  await onMaintenanceDatabase(url, async (client, _name, quoted) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    if (options.andCreate) await client.query(`CREATE DATABASE ${quoted}`);
  });
}

/** Runs `work` on the server's `postgres` database, with the name of the database `url` points at. */
async function onMaintenanceDatabase(
  url: string,
  work: (client: import('pg').Client, name: string, quoted: string) => Promise<void>,
): Promise<void> {
  const { Client } = await import('pg');
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await work(client, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
