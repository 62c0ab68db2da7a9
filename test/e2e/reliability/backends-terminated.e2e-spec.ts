import { privateTestDatabase } from '@ree/testing';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { startTestApp, TestApp } from '../../support/test-app';
import { Answer, expectEachStoredOnce, KeyedCommand, keyedCommands, retryUntilCreated, send, sendAll, storedRegistrations } from '../../support/faults/keyed-commands';

const COMMANDS = 160;
const CLIENTS = 8;

/**
 * PostgreSQL ends the API's connections again and again (`pg_terminate_backend` on every backend
 * of the test's database but the test's own) while 8 clients send 160 keyed commands. Each
 * command is answered 201, and is then stored exactly once, or 503 problem+json (or its
 * connection is cut), and is then stored at most once. Then the clients retry every command that
 * was not created, with its key and body, until it is: every command's registration is stored
 * exactly once, each in a stream of its own, and a repeat of a created command gets the first answer.
 */
describe('PostgreSQL backends of the API terminated during a stream of commands', () => {
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;
  let app: TestApp;
  let baseUrl: string;
  let db: Pool;

  // Its own database: the terminations must hit this test's API only.
  beforeAll(async () => {
    database = await privateTestDatabase('faults_backends');
    // A claim whose release the terminations made fail blocks its key for this long (2 min by default).
    app = await startTestApp({ DATABASE_URL: database.url, IDEMPOTENCY_CLAIM_TIMEOUT_MS: '2000', LOG_LEVEL: 'fatal' });
    await app.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.api.getHttpServer().address() as AddressInfo).port}`;
    // The operator's connection, as a superuser's: it ends the application role's backends.
    db = new Pool({ connectionString: database.superuserUrl, max: 2, application_name: 'faults-test' });
    db.on('error', () => undefined);
  });
  afterAll(async () => {
    await app?.close();
    await db?.end();
    await database?.drop();
  });

  const tokens = () => ({ officer: app.token('licensing-officer', undefined, 'faults-officer'), exporter: app.token('exporter', 'org-faults', 'faults-exporter') });
  const sendOne = (command: KeyedCommand) => send(baseUrl, tokens()[command.as], command);

  /** Ends every backend of the database but the test's own; resolves with how many. */
  async function terminateBackends(): Promise<number> {
    const { rows } = await db.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = current_database() AND application_name <> 'faults-test' AND backend_type = 'client backend'`,
    );
    return rows.filter((row) => row.ended).length;
  }

  it('stores every created command exactly once and every other at most once, and exactly once after keyed retries', async () => {
    const started = Date.now();
    const commands = keyedCommands(COMMANDS);
    const answers = new Map<string, Answer>();
    let terminations = 0;
    let backends = 0;
    let nextFault = 3;
    await sendAll(commands, CLIENTS, sendOne, async (command, answer) => {
      answers.set(command.key, answer);
      if (answers.size < nextFault) return;
      nextFault = answers.size + 2 + Math.floor(Math.random() * 6);
      terminations++;
      backends += await terminateBackends();
    });

    const byKind = (kind: Answer['kind']) => commands.filter((command) => answers.get(command.key)?.kind === kind);
    const created = byKind('created');
    const refused = commands.filter((command) => answers.get(command.key)?.kind !== 'created');
    console.info(
      `backends terminated: ${terminations} rounds, ${backends} backends; ${created.length} created, ${byKind('unavailable').length} answered 503, ` +
        `${byKind('cut').length} cut, ${byKind('other').length} other`,
    );
    expect(byKind('other').map((command) => answers.get(command.key))).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    expect(created.length).toBeGreaterThan(0);

    const stored = await storedRegistrations(db);
    for (const command of created) {
      const answer = answers.get(command.key) as Extract<Answer, { kind: 'created' }>;
      expect({ marker: command.marker, ...stored.get(command.marker) }).toEqual({ marker: command.marker, count: 1, streamId: expect.stringContaining(answer.id), position: answer.position });
    }
    for (const command of refused) expect(stored.get(command.marker)?.count ?? 0).toBeLessThanOrEqual(1);

    const retried = await retryUntilCreated(refused, sendOne, 60_000);
    // A repeat of a created command gets its first answer: replayed, or (when the terminations kept
    // the API from storing that answer) run again onto the events its key already stored.
    const repeated = await Promise.all(created.map(sendOne));
    const firstAnswers = created.map((command) => answers.get(command.key) as Extract<Answer, { kind: 'created' }>);
    expect(repeated.map((answer) => (answer.kind === 'created' ? [answer.id, answer.position] : answer))).toEqual(firstAnswers.map((answer) => [answer.id, answer.position]));

    await expectEachStoredOnce(db, commands, refused, retried);
    const replays = repeated.filter((answer) => answer.kind === 'created' && answer.replayed).length;
    console.info(`backends terminated: recovered ${refused.length} commands by keyed retries; ${replays} of ${created.length} repeats replayed; ${Date.now() - started} ms in all`);
  }, 180_000);
});
