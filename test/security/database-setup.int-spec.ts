import { asSuperuser, testDatabaseUrls, TEST_APPLICATION_ROLE, TEST_OWNER_ROLE } from '@ree/testing';
import { dropDatabase, migrate, recreateDatabase, setUpDatabase } from '../../infra/data-source';
import { DatabaseProvisionError } from '../../infra/database-roles';
import { withClient } from '../support/postgres-admin';

/**
 * What `npm start` and `npm run migrate` do to the database before the apps start
 * (infra/data-source.ts `setUpDatabase`, docs/decisions.md 27): both roles and the database made to
 * exist, everything in it owned by the owner (also what an earlier version created as the
 * superuser), the migrations run as the owner, the application role granted exactly its
 * privileges; and one line saying what to run when no role may create the roles.
 */
describe('setting up the database for the two roles', () => {
  const url = `${process.env.DATABASE_URL!}_setup`;
  const urls = testDatabaseUrls(url);
  afterAll(() => dropDatabase(asSuperuser(url)));

  const ownersOf = (database: string) =>
    withClient(asSuperuser(database), async (client) => {
      const { rows } = await client.query<{ owner: string; count: number }>(
        `SELECT pg_get_userbyid(relowner) AS owner, count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'S', 'v', 'm')
          GROUP BY 1 ORDER BY 1`,
      );
      return rows;
    });

  it('hands a database an earlier version migrated as the superuser over to the owner, and grants the application role', async () => {
    await recreateDatabase(asSuperuser(url));
    await migrate(asSuperuser(url));
    expect((await ownersOf(url)).map((row) => row.owner)).toEqual(['postgres']);

    expect(await setUpDatabase(urls)).toEqual([]);

    expect((await ownersOf(url)).map((row) => row.owner)).toEqual([TEST_OWNER_ROLE]);
    await withClient(asSuperuser(url), async (client) => {
      const database = await client.query(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()`);
      expect(database.rows[0].owner).toBe(TEST_OWNER_ROLE);
      const functions = await client.query(
        `SELECT DISTINCT pg_get_userbyid(proowner) AS owner FROM pg_proc WHERE pronamespace::regnamespace::text IN ('event_store', 'audit', 'blue_green')`,
      );
      expect(functions.rows).toEqual([{ owner: TEST_OWNER_ROLE }]);
      const privileges = await client.query(
        `SELECT has_table_privilege($1, 'event_store.events', 'INSERT') AS append, has_table_privilege($1, 'event_store.events', 'UPDATE') AS rewrite,
                has_table_privilege($1, 'review.consignments', 'TRUNCATE') AS reset, has_schema_privilege($1, 'review', 'CREATE') AS create`,
        [TEST_APPLICATION_ROLE],
      );
      expect(privileges.rows[0]).toEqual({ append: true, rewrite: false, reset: true, create: false });
    });
  });

  it('changes nothing when run again, and a later table of a listed schema is granted without a grant of its own', async () => {
    expect(await setUpDatabase(urls)).toEqual([]);
    await withClient(urls.owner, (client) => client.query(`CREATE TABLE audit.later_table (id int)`));
    await withClient(asSuperuser(url), async (client) => {
      const { rows } = await client.query(
        `SELECT has_table_privilege($1, 'audit.later_table', 'INSERT') AS insert, has_table_privilege($1, 'audit.later_table', 'UPDATE') AS update`,
        [TEST_APPLICATION_ROLE],
      );
      expect(rows[0]).toEqual({ insert: true, update: false });
    });
  });

  it('says in one line what to run when no role allowed to create roles answers and the roles are missing', async () => {
    const missing = `ree_missing_${Date.now()}`;
    const closed = new URL(urls.bootstrap);
    closed.port = '1';
    const attempt = setUpDatabase({ application: urls.application.replace(`${TEST_APPLICATION_ROLE}@`, `${missing}@`), owner: urls.owner, bootstrap: closed.toString() });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseProvisionError);
    const message = (await attempt.catch((error: Error) => error.message)) as string;
    expect(message).not.toContain('\n');
    expect(message).toContain(`The application role ${missing} does not exist`);
    expect(message).toContain(`CREATE ROLE ${missing} LOGIN NOSUPERUSER`);
  });

  it('refuses one role for both connections, and a superuser as the application role', async () => {
    await expect(setUpDatabase({ ...urls, application: urls.owner })).rejects.toThrow('both connect as ree_owner');
    await expect(setUpDatabase({ ...urls, application: asSuperuser(url) })).rejects.toThrow("Role postgres may do more than the product's roles may (a superuser");
  });
});
