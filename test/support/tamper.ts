import type { Pool } from 'pg';

/**
 * Rewrites event rows straight in the database, as an intruder with the owner's rights would:
 * the append-only trigger is disabled inside the transaction that makes the change and enabled
 * again before it commits, so no other session ever sees the table unguarded (PostgreSQL's DDL is
 * transactional), and a failure rolls both back.
 */
export async function tamperWithEvents(pool: Pool, sql: string, parameters: unknown[]): Promise<number> {
  const client = await pool.connect();
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
    client.release();
  }
}
