import { Client } from 'pg';

/**
 * `null` when `DATABASE_URL` connects as a role that can neither bypass the grants nor switch the
 * append-only guard off; else one line naming what the role can do (docs/decisions.md, 27): a
 * superuser, a role that bypasses row security, or one that owns the events table (the owner may
 * disable its triggers). The API and the worker refuse such a role in production and warn
 * elsewhere. Connection problems are the service check's to report.
 */
export async function checkApplicationRole(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ role: string; superuser: boolean; bypassrls: boolean; owns: boolean }>(
      `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
              coalesce(pg_has_role(r.oid, (SELECT relowner FROM pg_class WHERE oid = to_regclass('event_store.events')), 'USAGE'), false) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [row] = rows;
    const powers = [row.superuser && 'is a superuser', row.bypassrls && 'bypasses row security', row.owns && 'owns event_store.events'].filter(Boolean);
    if (powers.length === 0) return null;
    return (
      `DATABASE_URL connects as ${row.role}, which ${powers.join(' and ')}: from this connection the append-only guard can be switched off; ` +
      `connect as the application role (docs/operations.md, "Database roles")`
    );
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
