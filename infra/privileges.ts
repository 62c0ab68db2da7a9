import type { Client } from 'pg';

/**
 * What the application role (the API, the worker, the seed and the audit CLI: `DATABASE_URL`) may
 * do in each schema of the product (docs/decisions.md, 27). Every table of a schema gets the
 * schema's privileges, those created later by the owner's migrations too (default privileges);
 * `tables` adds to them for the tables named. Nothing else is granted: the role owns nothing and
 * has no CREATE anywhere, so it can neither alter, drop nor replace what the migrations made.
 *
 * A migration that adds a table to a schema listed here needs no grant. One that adds a schema
 * adds it here (and a blue/green read model sets `blueGreen`).
 */
export interface SchemaPrivileges {
  /** Table privileges on every table of the schema. */
  readonly all: readonly TablePrivilege[];
  /** More for the tables named. */
  readonly tables?: Readonly<Record<string, readonly TablePrivilege[]>>;
  /**
   * The functions of the schema the role calls. Needed for a SECURITY DEFINER function, whose
   * migration revokes PUBLIC's EXECUTE; others run with the caller's privileges, and PUBLIC keeps
   * EXECUTE on them (listed all the same, to say what the application calls).
   */
  readonly execute?: readonly string[];
  /** Rebuilt blue/green: the role may have the owner copy and switch it (blue_green.* functions). */
  readonly blueGreen?: boolean;
}

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE';

const READ_WRITE: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
/** A read model is emptied by its `reset` before a rebuild in place (TRUNCATE). */
export const READ_MODEL: readonly TablePrivilege[] = [...READ_WRITE, 'TRUNCATE'];
/** Append-only records: rows are added and read, never changed (their triggers refuse it for everyone anyway). */
const APPEND_ONLY: readonly TablePrivilege[] = ['SELECT', 'INSERT'];

export const SCHEMA_PRIVILEGES: Readonly<Record<string, SchemaPrivileges>> = {
  // Appends insert events and read the position base; only `npm run restore:positions` (the owner) adds an epoch.
  event_store: { all: ['SELECT'], tables: { events: ['INSERT'] }, execute: ['position_base()', 'readable_below()'] },
  projections: { all: READ_WRITE },
  platform: { all: READ_WRITE },
  jobs: { all: READ_WRITE },
  audit: { all: APPEND_ONLY },
  registry: { all: READ_MODEL },
  licensing: { all: READ_MODEL },
  review: { all: READ_MODEL, blueGreen: true },
  blue_green: { all: [], execute: ['create_copy(text)', 'switch_to_copy(text)', 'drop_copy(text)'] },
};

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The statements that give `role` exactly `privileges` on `schema` and on the tables the current
 * role (the owner) creates there later; run by the owner. Idempotent: what was granted before
 * and is no longer listed is revoked.
 */
export function schemaGrants(schema: string, privileges: SchemaPrivileges, role: string): string[] {
  const [s, r] = [quote(schema), quote(role)];
  const statements = [
    `REVOKE ALL ON SCHEMA ${s} FROM ${r}`,
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE ALL ON TABLES FROM ${r}`,
    `REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} FROM ${r}`,
  ];
  if (privileges.all.length > 0) {
    statements.push(`GRANT ${privileges.all.join(', ')} ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
    statements.push(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT ${privileges.all.join(', ')} ON TABLES TO ${r}`);
  }
  for (const [table, more] of Object.entries(privileges.tables ?? {})) {
    statements.push(`GRANT ${more.join(', ')} ON ${s}.${quote(table)} TO ${r}`);
  }
  for (const signature of privileges.execute ?? []) statements.push(`GRANT EXECUTE ON FUNCTION ${s}.${signature} TO ${r}`);
  return statements;
}

/**
 * Gives the application role its privileges on every schema of {@link SCHEMA_PRIVILEGES} and
 * records which schemas are rebuilt blue/green (tests add their own), in one transaction, as the owner (run after the
 * migrations by every `npm run migrate` and start). Also takes from the role anything it was given
 * on the database beyond connecting and temporary tables.
 */
export async function grantApplicationPrivileges(client: Client, role: string): Promise<void> {
  const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
  await client.query('BEGIN');
  try {
    await client.query(`REVOKE CREATE ON DATABASE ${quote(database)} FROM ${quote(role)}`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quote(database)} TO ${quote(role)}`);
    for (const [schema, privileges] of Object.entries(SCHEMA_PRIVILEGES)) {
      for (const statement of schemaGrants(schema, privileges, role)) await client.query(statement);
    }
    const blueGreen = Object.entries(SCHEMA_PRIVILEGES).filter(([, privileges]) => privileges.blueGreen).map(([schema]) => schema);
    await client.query('INSERT INTO blue_green.schemas (schema_name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [blueGreen]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
