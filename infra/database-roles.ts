import { Client } from 'pg';

/**
 * The two roles of the product's database (docs/decisions.md, 27; docs/operations.md, "Database
 * roles"): the owner (`MIGRATION_DATABASE_URL`) owns the database and everything in it and runs
 * the migrations; the application role (`DATABASE_URL`) owns nothing and holds what
 * infra/privileges.ts grants. `bootstrap` is a role allowed to create roles and databases (by
 * default the local superuser), needed only while they do not exist yet.
 */
export interface DatabaseUrls {
  readonly application: string;
  readonly owner: string;
  readonly bootstrap: string;
}

/** Why the database cannot be made ready: one line, with what to run. */
export class DatabaseProvisionError extends Error {
  override readonly name = 'DatabaseProvisionError';
}

/** Role attributes both roles keep: neither may bypass the grants or make roles or databases. */
const ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION INHERIT';

/** The advisory lock (in the product's database) that makes concurrent set-ups take turns. */
export const SET_UP_LOCK = 727_001;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export const userOf = (url: string): string => decodeURIComponent(new URL(url).username);
export const databaseOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

/** The one line an operator runs when the start cannot create the roles itself. */
export function manualSetup(urls: DatabaseUrls): string {
  const [owner, app, database] = [userOf(urls.owner), userOf(urls.application), databaseOf(urls.owner)];
  return (
    `as a superuser run: psql -c 'CREATE ROLE ${owner} ${ATTRIBUTES}' -c 'CREATE ROLE ${app} ${ATTRIBUTES}' ` +
    `-c 'CREATE DATABASE ${database} OWNER ${owner}' (or set DATABASE_BOOTSTRAP_URL to a superuser's URL; docs/operations.md, "Database roles")`
  );
}

async function connect(url: string, database?: string): Promise<Client | undefined> {
  const target = new URL(url);
  if (database !== undefined) target.pathname = `/${encodeURIComponent(database)}`;
  const client = new Client({ connectionString: target.toString(), application_name: 'ree-provision', connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return undefined;
  }
}

/**
 * Makes both roles and the database exist, the owner own the database and every object in it and
 * the application role hold no more than a login: with the bootstrap connection when it answers
 * as a superuser, else by checking that an operator did it. Safe to repeat, and to run from
 * several processes at once (a role another one just created is taken as it is).
 */
export async function provisionDatabase(urls: DatabaseUrls): Promise<void> {
  const [owner, app] = [userOf(urls.owner), userOf(urls.application)];
  if (owner === app) throw new DatabaseProvisionError(`DATABASE_URL and MIGRATION_DATABASE_URL both connect as ${app}: the application needs a role of its own that owns nothing`);
  if (databaseOf(urls.owner) !== databaseOf(urls.application)) {
    throw new DatabaseProvisionError('DATABASE_URL and MIGRATION_DATABASE_URL must name the same database');
  }
  const admin = await connect(urls.bootstrap);
  try {
    const superuser = admin && (await admin.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
    if (admin && superuser) return await bootstrap(admin, urls);
  } finally {
    await admin?.end().catch(() => undefined);
  }
  await checkProvisioned(urls);
}

async function bootstrap(admin: Client, urls: DatabaseUrls): Promise<void> {
  const [owner, app, database] = [userOf(urls.owner), userOf(urls.application), databaseOf(urls.owner)];
  for (const url of [urls.owner, urls.application]) await ensureRole(admin, userOf(url), decodeURIComponent(new URL(url).password));
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${quote(database)} OWNER ${quote(owner)}`).catch((error: { code?: string }) => {
      if (error.code !== '42P04') throw error;
    });
  }
  await admin.query(`ALTER DATABASE ${quote(database)} OWNER TO ${quote(owner)}`);
  const inDatabase = await connect(urls.bootstrap, database);
  if (!inDatabase) throw new DatabaseProvisionError(`Cannot connect to database ${database} with DATABASE_BOOTSTRAP_URL`);
  try {
    // The API and the worker may start (and set up) at once: one at a time, as catalogue rows updated concurrently fail.
    await inDatabase.query('BEGIN');
    await inDatabase.query(`SELECT pg_advisory_xact_lock(${SET_UP_LOCK})`);
    await handOver(inDatabase, owner);
    await inDatabase.query(`REVOKE ALL ON DATABASE ${quote(database)} FROM PUBLIC`);
    await inDatabase.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quote(database)} TO ${quote(app)}`);
    // The horizon report (libs/event-store/src/postgres/horizon-query.ts) names the sessions of every role.
    await inDatabase.query(`GRANT pg_read_all_stats TO ${quote(app)}`);
    await inDatabase.query('COMMIT');
  } finally {
    await inDatabase.end().catch(() => undefined);
  }
}

/** Creates the role; one that exists already is kept as it is, unless it has powers the product's roles must not have. */
async function ensureRole(admin: Client, role: string, password: string): Promise<void> {
  const withPassword = password ? ` PASSWORD ${admin.escapeLiteral(password)}` : '';
  try {
    await admin.query(`CREATE ROLE ${quote(role)} ${ATTRIBUTES}${withPassword}`);
  } catch (error) {
    // Another process created it meanwhile: duplicate_object, or unique_violation in the catalogue.
    const code = (error as { code?: string }).code;
    if (code !== '42710' && code !== '23505') throw error;
  }
  await refusePowerful(admin, role);
}

/** Neither role may be a superuser, bypass row security, or create roles or databases. */
async function refusePowerful(client: Client, role: string): Promise<void> {
  const { rows } = await client.query(
    `SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication AS powerful FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  if (rows[0]?.powerful) {
    throw new DatabaseProvisionError(
      `Role ${role} may do more than the product's roles may (a superuser, or creates roles or databases, or bypasses row security): name another role in DATABASE_URL / MIGRATION_DATABASE_URL (docs/operations.md, "Database roles")`,
    );
  }
}

/** The product's objects in the current database that the owner does not own (extensions' members left out). */
const FOREIGN_OBJECTS = `
  WITH owner AS (SELECT oid FROM pg_roles WHERE rolname = $1),
  system AS (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema', 'pg_toast') OR nspname LIKE 'pg\\_temp\\_%' OR nspname LIKE 'pg\\_toast\\_temp\\_%'),
  member AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
  SELECT format('ALTER SCHEMA %I OWNER TO %I', nspname, $1) AS statement FROM pg_namespace
   WHERE nspowner <> (SELECT oid FROM owner) AND oid NOT IN (SELECT oid FROM system) AND nspname <> 'public' AND oid NOT IN (SELECT objid FROM member)
  UNION ALL
  SELECT format('ALTER %s %s OWNER TO %I', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass, $1)
    FROM pg_class c
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> (SELECT oid FROM owner)
     AND c.relnamespace NOT IN (SELECT oid FROM system) AND c.oid NOT IN (SELECT objid FROM member)
     AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  UNION ALL
  SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1) FROM pg_proc p
   WHERE p.proowner <> (SELECT oid FROM owner) AND p.pronamespace NOT IN (SELECT oid FROM system) AND p.oid NOT IN (SELECT objid FROM member)
  UNION ALL
  SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1) FROM pg_type t
   WHERE t.typtype IN ('e', 'd', 'r') AND t.typowner <> (SELECT oid FROM owner)
     AND t.typnamespace NOT IN (SELECT oid FROM system) AND t.oid NOT IN (SELECT objid FROM member)
`;

/** Gives the owner what an earlier version (or an operator) created as another role, e.g. the superuser. */
async function handOver(client: Client, owner: string): Promise<void> {
  const { rows } = await client.query<{ statement: string }>(FOREIGN_OBJECTS, [owner]);
  for (const { statement } of rows) await client.query(statement);
}

/** Without a superuser: the roles and the database must be there already, as an operator made them. */
async function checkProvisioned(urls: DatabaseUrls): Promise<void> {
  const client = await connect(urls.owner);
  if (!client) throw new DatabaseProvisionError(`Cannot connect as the owner (MIGRATION_DATABASE_URL) nor create the roles: ${manualSetup(urls)}`);
  try {
    const app = userOf(urls.application);
    const role = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [app]);
    if (role.rowCount === 0) throw new DatabaseProvisionError(`The application role ${app} does not exist: ${manualSetup(urls)}`);
    for (const name of [app, userOf(urls.owner)]) await refusePowerful(client, name);
    const foreign = await client.query(FOREIGN_OBJECTS, [userOf(urls.owner)]);
    if ((foreign.rowCount ?? 0) > 0) {
      throw new DatabaseProvisionError(
        `${foreign.rowCount} objects of database ${databaseOf(urls.owner)} belong to another role than ${userOf(urls.owner)}: set DATABASE_BOOTSTRAP_URL to a superuser's URL to hand them over`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
