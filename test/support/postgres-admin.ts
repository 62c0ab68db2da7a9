import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * The connections with more power than the application role's (docs/decisions.md, 27), for the
 * tests that act as an intruder with every power (tampering), or as an operator (terminating
 * backends, dumps and restores, other clusters): `asSuperuser(url)` is `url`'s database as the test
 * run's superuser (`TEST_DATABASE_URL`), `asOwner(url)` as the owner that ran the migrations.
 * Every other test connects as the application role (`DATABASE_URL`).
 */
export { asOwner, asSuperuser } from '@ree/testing';

/** Runs `work` on one connection of its own to `url`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: `ree-test-admin-${randomUUID().slice(0, 8)}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The id a new transaction of the cluster gets now (this one takes it). */
export async function transactionId(where: string | Client): Promise<bigint> {
  const read = async (client: Client) => BigInt((await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid);
  return typeof where === 'string' ? withClient(where, read) : read(where);
}

/**
 * Commits empty transactions that each take an id until the cluster's counter reaches `target`:
 * to give a test cluster's events the high ids of a long-running production one. Without waiting
 * for the WAL flush, 500 transactions a round trip.
 */
export async function burnTransactionIds(url: string, target: bigint): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('SET synchronous_commit = off');
    while ((await transactionId(client)) < target) {
      await client.query('BEGIN; SELECT pg_current_xact_id(); COMMIT; '.repeat(500));
    }
  });
}

/** The server's major version, e.g. 15. */
export async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000));
}

/** Creates database `name` (letters, digits and `_` only) on the server of `maintenanceUrl`. */
export async function createDatabase(maintenanceUrl: string, name: string): Promise<void> {
  if (!/^\w+$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  await withClient(maintenanceUrl, (client) => client.query(`CREATE DATABASE ${name}`));
}
