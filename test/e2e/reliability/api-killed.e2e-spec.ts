import { signDevelopmentToken } from '@ree/platform/auth';
import { loadConfig } from '@ree/platform/config';
import { privateTestDatabase } from '@ree/testing';
import { Pool } from 'pg';
import { ApiProcess } from '../../support/faults/api-process';
import { Answer, expectEachStoredOnce, KeyedCommand, keyedCommands, retryUntilCreated, send, sendAll, storedRegistrations } from '../../support/faults/keyed-commands';

const COMMANDS = 240;
const CLIENTS = 8;
const KILLS = 4;

/**
 * The API, a process of its own, killed with SIGKILL four times at random points of a stream of
 * 240 keyed commands from 8 clients, each time replaced by a new process (started beside it
 * beforehand, as a supervisor's replacement would be, since loading the sources takes seconds).
 * A command answered 201 is stored exactly once; one whose connection was cut, at most once;
 * after the clients retry with their keys on the last process, every command's registration is
 * stored exactly once, each in a stream of its own.
 */
describe('the API killed with SIGKILL during a stream of commands', () => {
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;
  let db: Pool;
  const processes: ApiProcess[] = [];
  const config = loadConfig({ NODE_ENV: 'test' });
  const tokens = {
    officer: signDevelopmentToken({ role: 'licensing-officer', sub: 'faults-officer' }, config),
    exporter: signDevelopmentToken({ role: 'exporter', org: 'org-faults', sub: 'faults-exporter' }, config),
  };

  beforeAll(async () => {
    database = await privateTestDatabase('faults_api_killed');
    db = new Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await Promise.all(processes.map((api) => api.kill()));
    await db?.end();
    await database?.drop();
  });

  const started = (): Promise<ApiProcess> =>
    // A claim of a request killed midway blocks its key for this long (2 min by default).
    ApiProcess.spawn({ DATABASE_URL: database.url, NODE_ENV: 'test', LOG_LEVEL: 'fatal', IDEMPOTENCY_CLAIM_TIMEOUT_MS: '2000' }).then((api) => {
      processes.push(api);
      return api;
    });

  it('stores each command’s events exactly once after kills, restarts and keyed retries', async () => {
    const began = Date.now();
    let current = await started();
    let next: Promise<ApiProcess> | undefined = started();
    await current.ready();
    /** Closed while the API is being replaced: clients wait at it rather than meet a dead port. */
    let gate: Promise<void> = Promise.resolve();
    const sendOne = async (command: KeyedCommand): Promise<Answer> => {
      await gate;
      return send(current.baseUrl, tokens[command.as], command);
    };

    const commands = keyedCommands(COMMANDS);
    const answers = new Map<string, Answer>();
    let kills = 0;
    let nextKill = 10 + Math.floor(Math.random() * 30);
    await sendAll(commands, CLIENTS, sendOne, (command, answer) => {
      answers.set(command.key, answer);
      if (answers.size < nextKill || next === undefined || kills === KILLS) return;
      nextKill = answers.size + 10 + Math.floor(Math.random() * 30);
      kills++;
      const replacement = next;
      next = kills < KILLS ? started() : undefined;
      gate = (async () => {
        await current.kill();
        current = await replacement;
        await current.ready();
      })();
    });
    await gate;

    const byKind = (kind: Answer['kind']) => commands.filter((command) => answers.get(command.key)?.kind === kind);
    const created = byKind('created');
    const notCreated = commands.filter((command) => answers.get(command.key)?.kind !== 'created');
    console.info(`API killed ${kills} times: ${created.length} created, ${byKind('cut').length} cut, ${byKind('unavailable').length} answered 503, ${byKind('other').length} other`);
    expect(kills).toBe(KILLS);
    expect(byKind('other').map((command) => answers.get(command.key))).toEqual([]);
    expect(byKind('cut').length).toBeGreaterThan(0);

    const stored = await storedRegistrations(db);
    for (const command of created) {
      const answer = answers.get(command.key) as Extract<Answer, { kind: 'created' }>;
      expect({ marker: command.marker, ...stored.get(command.marker) }).toEqual({ marker: command.marker, count: 1, streamId: expect.stringContaining(answer.id), position: answer.position });
    }
    for (const command of notCreated) expect(stored.get(command.marker)?.count ?? 0).toBeLessThanOrEqual(1);
    const storedBeforeRetries = notCreated.filter((command) => stored.has(command.marker)).length;

    const retried = await retryUntilCreated(notCreated, sendOne, 90_000);
    await expectEachStoredOnce(db, commands, notCreated, retried);
    console.info(
      `API killed: ${notCreated.length} commands retried with their keys (${storedBeforeRetries} of them already stored by the killed process); ${Date.now() - began} ms in all`,
    );
  }, 420_000);
});
