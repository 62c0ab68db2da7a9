import type { NewEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { createEventStorePool, PostgresEventStore } from '@ree/event-store';
import { checkApplicationRole } from '@ree/platform/database';
import { asOwner, asSuperuser } from '@ree/testing';
import { Client, Pool } from 'pg';

/**
 * The application role (DATABASE_URL: the API, the worker, the seed) cannot rewrite history, nor
 * take off the guard that refuses it: it owns nothing, is no superuser, and holds only the
 * privileges of infra/privileges.ts (docs/decisions.md, 27). Every statement below went through
 * when the product connected as the superuser that owned the events table.
 */
const url = process.env.DATABASE_URL!;
const role = decodeURIComponent(new URL(url).username);
const probe = (n: number): NewEvent => ({ eventId: randomUUID(), type: 'Probed', data: { n }, metadata: { actor: { sub: 'least-privilege', role: 'admin' } } });

async function connected(connectionString: string): Promise<Client> {
  const client = new Client({ connectionString, application_name: 'application-role-int-spec' });
  await client.connect();
  return client;
}

describe('The application role', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let app: Client;
  const streamId = `least-privilege-${randomUUID()}`;

  beforeAll(async () => {
    pool = createEventStorePool(url, { max: 2, applicationName: 'application-role-int-spec' });
    store = new PostgresEventStore({ pool });
    await store.appendToStream(streamId, [probe(1)]);
    app = await connected(url);
  });
  afterAll(async () => {
    await app?.end();
    await store?.close();
    await pool?.end();
  });

  /** Runs `sql` in a transaction of its own (rolled back) and answers the error it raised. */
  async function refusal(sql: string): Promise<{ code?: string; message: string }> {
    await app.query('BEGIN');
    try {
      await app.query(sql);
    } catch (error) {
      return error as { code?: string; message: string };
    } finally {
      await app.query('ROLLBACK');
    }
    throw new Error(`The application role was allowed: ${sql}`);
  }

  it('is no superuser, may not create roles or databases, nor bypass row security', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([{ name: role, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false, rolreplication: false }]);
  });

  it('owns nothing in the database: no schema, table, sequence, function, type nor the database', async () => {
    const { rows } = await app.query(
      `SELECT 'schema ' || nspname AS object FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       UNION ALL SELECT 'relation ' || oid::regclass FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       UNION ALL SELECT 'function ' || oid::regprocedure FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       UNION ALL SELECT 'type ' || oid::regtype FROM pg_type WHERE typowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       UNION ALL SELECT 'database ' || datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(rows).toEqual([]);
    const owner = await app.query(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'event_store.events'::regclass`);
    expect(owner.rows[0].owner).not.toBe(role);
  });

  it('passes the start check of the API and the worker, which names the owner and a superuser as unfit', async () => {
    expect(await checkApplicationRole(url)).toBeNull();
    expect(await checkApplicationRole(asOwner(url))).toContain('connects as ree_owner, which owns event_store.events: from this connection the append-only guard can be switched off');
    expect(await checkApplicationRole(asSuperuser(url))).toContain('which is a superuser and bypasses row security and owns event_store.events');
  });

  it.each([
    ['UPDATE of an event', `UPDATE event_store.events SET type = 'Forged' WHERE stream_id = '${streamId}'`, 'permission denied for table events'],
    ['DELETE of an event', `DELETE FROM event_store.events WHERE stream_id = '${streamId}'`, 'permission denied for table events'],
    ['TRUNCATE of the events', 'TRUNCATE event_store.events', 'permission denied for table events'],
    ['ALTER TABLE', 'ALTER TABLE event_store.events ADD COLUMN forged text', 'must be owner of table events'],
    ['ALTER TABLE … DISABLE TRIGGER', 'ALTER TABLE event_store.events DISABLE TRIGGER events_reject_update_delete', 'must be owner of table events'],
    ['DROP TRIGGER', 'DROP TRIGGER events_reject_update_delete ON event_store.events', 'must be owner of relation events'],
    ['SET session_replication_role = replica', 'SET session_replication_role = replica', 'permission denied to set parameter "session_replication_role"'],
    [
      'replacing the trigger function',
      `CREATE OR REPLACE FUNCTION event_store.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      'permission denied for schema event_store',
    ],
    ['DROP TABLE', 'DROP TABLE event_store.events', 'must be owner of table events'],
    ['DROP SCHEMA … CASCADE', 'DROP SCHEMA event_store CASCADE', 'must be owner of schema event_store'],
    ['a table of its own beside the events', 'CREATE TABLE event_store.shadow (id int)', 'permission denied for schema event_store'],
    ['a schema of its own', 'CREATE SCHEMA forged', 'permission denied for database'],
    ['an epoch of positions', 'INSERT INTO event_store.position_epochs (base, system_identifier) VALUES (0, 0)', 'permission denied for table position_epochs'],
    ['UPDATE of an anchor', `UPDATE audit.anchors SET root = repeat('0', 64)`, 'permission denied for table anchors'],
    ['a blue/green switch of the event store', `SELECT blue_green.switch_to_copy('event_store')`, 'Schema event_store is not rebuilt blue/green'],
    ['adding a schema to the blue/green list', `INSERT INTO blue_green.schemas VALUES ('event_store')`, 'permission denied for table schemas'],
    ['ALTER of a read-model table', 'ALTER TABLE review.consignments DROP COLUMN status', 'must be owner of table consignments'],
  ])('is refused %s (insufficient_privilege, 42501)', async (_what, sql, message) => {
    const error = await refusal(sql);
    expect({ code: error.code, message: error.message }).toEqual({ code: '42501', message: expect.stringContaining(message) });
  });

  it('may not place an event outside its own transaction\'s position block, below what projections have read or under another id', async () => {
    const insert = (position: string, transactionId: string) => `
      INSERT INTO event_store.events (position, transaction_id, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at)
      VALUES (${position}, ${transactionId}, gen_random_uuid(), '${streamId}-forged', 0, 'Forged', 1, '{}', '{}', now())`;
    const own = '((event_store.position_base() + pg_current_xact_id()::text::bigint) << 20)';
    for (const sql of [
      insert('(SELECT min(position) - 1 FROM event_store.events)', 'pg_current_xact_id()'),
      insert(`${own} - 1`, 'pg_current_xact_id()'),
      insert(`${own} + 1048576`, 'pg_current_xact_id()'),
      insert(own, "'1'::xid8"),
    ]) {
      const error = await refusal(sql);
      expect({ code: error.code, message: error.message }).toEqual({ code: '42501', message: expect.stringContaining('placed only in the position block of the transaction that appends it') });
    }
    // In its own block, under its own id, as the append statement places it: accepted (and rolled back).
    await app.query('BEGIN');
    try {
      await expect(app.query(insert(own, 'pg_current_xact_id()'))).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('still appends and reads its events, and the rows refused above are untouched', async () => {
    const more = await store.appendToStream(streamId, [probe(2)], { expectedRevision: 0 });
    expect(more.nextExpectedRevision).toBe(1);
    const events = await store.readStream(streamId);
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['Probed', { n: 1 }],
      ['Probed', { n: 2 }],
    ]);
  });

  it('is refused as the owner and the superuser too by the append-only trigger, which stays on', async () => {
    for (const connectionString of [asOwner(url), asSuperuser(url)]) {
      const client = await connected(connectionString);
      try {
        for (const [operation, sql] of [
          ['UPDATE', `UPDATE event_store.events SET type = 'Forged' WHERE stream_id = '${streamId}'`],
          ['DELETE', `DELETE FROM event_store.events WHERE stream_id = '${streamId}'`],
          ['TRUNCATE', 'TRUNCATE event_store.events'],
        ]) {
          await expect(client.query(sql)).rejects.toMatchObject({ code: '42501', message: `event_store.events is append-only: ${operation} is not allowed` });
        }
      } finally {
        await client.end();
      }
    }
    const { rows } = await app.query(`SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'event_store.events'::regclass AND NOT tgisinternal ORDER BY tgname`);
    expect(rows).toEqual([
      { tgname: 'events_notify_appended', tgenabled: 'O' },
      { tgname: 'events_placed_by_their_transaction', tgenabled: 'O' },
      { tgname: 'events_reject_truncate', tgenabled: 'O' },
      { tgname: 'events_reject_update_delete', tgenabled: 'O' },
    ]);
  });
});
