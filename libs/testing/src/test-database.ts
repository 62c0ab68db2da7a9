import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions, dropDatabase, recreateDatabase, setUpDatabase } from '../../../infra/data-source';
import type { DatabaseUrls } from '../../../infra/database-roles';
import { READ_MODEL, schemaGrants } from '../../../infra/privileges';

/**
 * The roles of the test databases, as in production (docs/decisions.md, 27): tests connect as the
 * application role (`DATABASE_URL`, set by test/setup/test-env.ts); the owner ran the migrations;
 * the superuser of `TEST_DATABASE_URL` creates and drops databases. The role names are
 * cluster-wide, shared by every test database of the cluster: created when missing, never dropped.
 */
export const TEST_APPLICATION_ROLE = 'ree_app';
export const TEST_OWNER_ROLE = 'ree_owner';
const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ree_test';

/** The superuser's URL the test run was given (`TEST_DATABASE_URL`). */
export function testSuperuserUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

/** `url`'s server and database, as another user (with the password given, else none). */
function asUser(url: string, user: string, password = '', database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password;
  if (database !== undefined) parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

const databaseOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

/** The database of `url` (any role's), as the test run's superuser: for tests that act as an attacker or an operator with every power. */
export function asSuperuser(url: string): string {
  const superuser = new URL(testSuperuserUrl());
  return asUser(url, decodeURIComponent(superuser.username), superuser.password);
}

/** The database of `url`, as the owner: the migrations' role (and `npm run restore:positions`'). */
export function asOwner(url: string): string {
  return asUser(url, TEST_OWNER_ROLE);
}

/** The database of `url`, as the application role: what the API and the worker connect as. */
export function asApplication(url: string): string {
  return asUser(url, TEST_APPLICATION_ROLE);
}

/** The three URLs the start uses, for the test database of `url` (the bootstrap one: the superuser on the server's `postgres`). */
export function testDatabaseUrls(url: string): DatabaseUrls {
  const bootstrap = new URL(asSuperuser(url));
  bootstrap.pathname = '/postgres';
  return { application: asApplication(url), owner: asOwner(url), bootstrap: bootstrap.toString() };
}

/** Drops and re-creates the database of `url` and sets it up as `npm start` does: roles, migrations as the owner, grants. */
export async function createTestDatabase(url: string): Promise<void> {
  await recreateDatabase(asSuperuser(url));
  await setUpDatabase(testDatabaseUrls(url));
}

/**
 * Creates `schema` as the owner (`owner`, a connection as the owner), for a test's own read model:
 * the application role gets what it gets in a read-model schema of infra/privileges.ts, on the
 * tables the owner creates there later too; `blueGreen` lets it rebuild the schema blue/green.
 */
export async function createTestSchema(owner: { query(sql: string, parameters?: unknown[]): Promise<unknown> }, schema: string, options: { blueGreen?: boolean } = {}): Promise<void> {
  await owner.query(`CREATE SCHEMA "${schema.replace(/"/g, '""')}"`);
  for (const statement of schemaGrants(schema, { all: READ_MODEL }, TEST_APPLICATION_ROLE)) await owner.query(statement);
  if (options.blueGreen) await owner.query(`INSERT INTO blue_green.schemas (schema_name) VALUES ($1) ON CONFLICT DO NOTHING`, [schema]);
}

/**
 * A connection to the test database that the global setup migrated (`DATABASE_URL`, set by
 * test/setup/test-env.ts), or to `url`, with the given read-model entities. Close it in `afterAll`.
 */
export async function openTestDataSource(
  entities: readonly (new () => unknown)[] = [],
  url: string | undefined = process.env.DATABASE_URL,
): Promise<DataSource> {
  if (!url) throw new Error('DATABASE_URL is not set: integration tests run with test/setup/test-env.ts');
  const dataSource = new DataSource({ ...dataSourceOptions(url), entities: [...entities], migrations: [] } as DataSourceOptions);
  return dataSource.initialize();
}

/**
 * A migrated database of the test's own, beside the shared one (`<DATABASE_URL>_<suffix>`), for a
 * test that writes what no other test may meet: events rewritten past the append-only trigger,
 * or events that no command would write. The shared test database is replayed from zero by later
 * tests (rebuilds, a new worker's projections), which must not trip over them. `url` connects as
 * the application role, `superuserUrl` as the test run's superuser. Drop it in `afterAll`.
 */
export async function privateTestDatabase(suffix: string): Promise<{ readonly url: string; readonly superuserUrl: string; drop(): Promise<void> }> {
  const shared = process.env.DATABASE_URL;
  if (!shared) throw new Error('DATABASE_URL is not set: integration tests run with test/setup/test-env.ts');
  const url = asUser(shared, TEST_APPLICATION_ROLE, '', `${databaseOf(shared)}_${suffix}`);
  await createTestDatabase(url);
  return { url, superuserUrl: asSuperuser(url), drop: () => dropDatabase(asSuperuser(url)) };
}
