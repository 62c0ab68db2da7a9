import { EVENT_STORE_POOL } from '@ree/platform/event-store';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { migrationDataSource } from '../../infra/data-source';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '@ree/testing';

interface Session {
  application: string;
  statementTimeout: string;
  idleInTransaction: string;
}

const SESSION = `SELECT current_setting('application_name') AS application,
                       current_setting('statement_timeout') AS "statementTimeout",
                       current_setting('idle_in_transaction_session_timeout') AS "idleInTransaction"`;

/**
 * docs/operations.md, "Connections and backpressure": every session the product opens carries
 * its process's application name and the configured statement and idle-in-transaction timeouts,
 * read back from the server itself.
 */
describe('session settings of every connection the product opens', () => {
  let app: TestApp;
  const database = decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));

  beforeAll(async () => {
    app = await startTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '12345', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '23456' });
  });
  afterAll(() => app.close());

  it("reach the server through the API's TypeORM pool and its event store pool", async () => {
    const [typeorm]: Session[] = await app.api.get(DataSource).query(SESSION);
    expect(typeorm).toEqual({ application: 'ree-api', statementTimeout: '12345ms', idleInTransaction: '23456ms' });
    const events = (await app.api.get<Pool>(EVENT_STORE_POOL).query<Session>(SESSION)).rows[0];
    expect(events).toEqual({ application: 'ree-api-events', statementTimeout: '12345ms', idleInTransaction: '23456ms' });
  });

  it("name the worker's pools, its LISTEN connection and its projector's lock connection in pg_stat_activity", async () => {
    const expected = ['ree-worker', 'ree-worker-events', 'ree-worker-listen', 'ree-worker-locks'];
    let names: string[] = [];
    await eventually(async () => {
      const rows: { application_name: string }[] = await app.api
        .get(DataSource)
        .query(`SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'ree-worker%'`, [database]);
      names = rows.map((row) => row.application_name).sort();
      return expected.every((name) => names.includes(name));
    });
    expect(names).toEqual(expect.arrayContaining(expected));
  });

  it('reach the server from the migrations, with their own longer statement timeout', async () => {
    const dataSource = await migrationDataSource(process.env.DATABASE_URL!, { statementTimeoutMs: 600_000, idleInTransactionTimeoutMs: 23_456 }).initialize();
    try {
      const [session]: Session[] = await dataSource.query(SESSION);
      expect(session).toEqual({ application: 'ree-migrate', statementTimeout: '10min', idleInTransaction: '23456ms' });
    } finally {
      await dataSource.destroy();
    }
  });
});
