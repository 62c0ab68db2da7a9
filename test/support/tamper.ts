import { Client, type Pool } from 'pg';
import { asSuperuser } from './postgres-admin';

/**
 * Rewrites event rows straight in the database of `pool`, as an intruder with a superuser's rights
 * would (the application role `pool` connects as may not: docs/decisions.md, 27):
 * the append-only trigger is disabled inside the transaction that makes the change and enabled
 * again before it commits, so no other session ever sees the table unguarded (PostgreSQL's DDL is
 * transactional), and a failure rolls both back.
 */
/** Runs one statement on the database of `pool` as the intruder (a superuser), the trigger left on. */
export async function queryAsIntruder(pool: Pool, sql: string, parameters: unknown[] = []): Promise<unknown> {
  const client = new Client({ connectionString: asSuperuser(pool.options.connectionString!), application_name: 'ree-test-intruder' });
  await client.connect();
  try {
    return await client.query(sql, parameters);
  } finally {
    await client.end();
  }
}

export async function tamperWithEvents(pool: Pool, sql: string, parameters: unknown[]): Promise<number> {
  const client = new Client({ connectionString: asSuperuser(pool.options.connectionString!), application_name: 'ree-test-intruder' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE event_store.events DISABLE TRIGGER events_reject_update_delete');
    const { rowCount } = await client.query(sql, parameters);
    await client.query('ALTER TABLE event_store.events ENABLE TRIGGER events_reject_update_delete');
    await client.query('COMMIT');
    return rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
