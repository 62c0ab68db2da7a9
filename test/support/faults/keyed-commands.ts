import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { eventually } from '@ree/testing';

/**
 * The fault tests' stream of keyed commands over HTTP: mines registered by an officer and
 * consignments registered by an exporter, each with an `Idempotency-Key` and a marker (the mine's
 * name, the consignment's product) by which its events are found in the store.
 */
export interface KeyedCommand {
  readonly key: string;
  readonly marker: string;
  readonly path: '/api/v1/mines' | '/api/v1/consignments';
  readonly as: 'officer' | 'exporter';
  readonly body: object;
}

/** What a client made of one request. */
export type Answer =
  | { readonly kind: 'created'; readonly status: number; readonly id: string; readonly position: string; readonly replayed: boolean }
  /** 503 `service-unavailable` as problem+json with `Retry-After`. */
  | { readonly kind: 'unavailable' }
  /** No answer: the connection ended first. */
  | { readonly kind: 'cut'; readonly error: string }
  /** Anything else; the tests expect none. */
  | { readonly kind: 'other'; readonly status: number; readonly detail: string };

export function keyedCommands(count: number): KeyedCommand[] {
  return Array.from({ length: count }, (_, index) => {
    const key = randomUUID();
    const marker = `faults-${key}`;
    return index % 2 === 0
      ? {
          key,
          marker,
          path: '/api/v1/mines',
          as: 'officer',
          body: { name: marker, operator: 'Faults Mining Ltd', region: 'Test', country: 'AU', miningLicenceNo: 'ML-1', depositType: 'bastnaesite' },
        }
      : {
          key,
          marker,
          path: '/api/v1/consignments',
          as: 'exporter',
          body: { product: marker, productForm: 'separated-oxide', element: 'NdPr', hsCode: '2846.90', quantityKg: 1000, destinationCountry: 'DE' },
        };
  });
}

/** Sends a command once, the same key and body every time, and classifies the answer. */
export async function send(baseUrl: string, token: string, command: KeyedCommand): Promise<Answer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${baseUrl}${command.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': command.key },
      body: JSON.stringify(command.body),
      signal: AbortSignal.timeout(60_000),
    });
    text = await response.text();
  } catch (error) {
    return { kind: 'cut', error: String((error as { cause?: unknown }).cause ?? error) };
  }
  const body = parse(text);
  if (response.status === 201 && typeof body?.id === 'string' && typeof body.position === 'string') {
    return { kind: 'created', status: response.status, id: body.id, position: body.position, replayed: response.headers.get('idempotent-replayed') === 'true' };
  }
  const problem = response.headers.get('content-type')?.startsWith('application/problem+json');
  if (response.status === 503 && problem && body?.code === 'service-unavailable' && response.headers.get('retry-after') !== null) return { kind: 'unavailable' };
  return { kind: 'other', status: response.status, detail: text.slice(0, 300) };
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Each marker's registration events in the store: how many, in which stream, and the position of that stream's last
 * event — the registration's append, whose position the answer gives (a consignment's registration appends its
 * classification with it).
 */
export async function storedRegistrations(db: Pool): Promise<Map<string, { count: number; streamId: string; position: string }>> {
  const { rows } = await db.query<{ marker: string; count: number; stream_id: string; position: string }>(
    `SELECT r.marker, count(*)::int AS count, min(r.stream_id) AS stream_id, max(head.position)::text AS position
       FROM (SELECT coalesce(data->>'name', data->>'product') AS marker, stream_id
               FROM event_store.events WHERE type IN ('MineRegistered', 'ConsignmentRegistered') AND coalesce(data->>'name', data->>'product') LIKE 'faults-%') r
      CROSS JOIN LATERAL (SELECT max(position) AS position FROM event_store.events e WHERE e.stream_id = r.stream_id) head
      GROUP BY r.marker`,
  );
  return new Map(rows.map((row) => [row.marker, { count: row.count, streamId: row.stream_id, position: row.position }]));
}

/** How many events each stream of the given ids holds. */
export async function eventsPerStream(db: Pool, streamIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ stream_id: string; count: number }>(
    `SELECT stream_id, count(*)::int AS count FROM event_store.events WHERE stream_id = ANY($1) GROUP BY 1`,
    [streamIds],
  );
  return new Map(rows.map((row) => [row.stream_id, row.count]));
}

/**
 * Sends every command from `clients` concurrent clients, one command after another each, and
 * calls `answered` after each answer (the fault schedules count them).
 */
export async function sendAll(
  commands: readonly KeyedCommand[],
  clients: number,
  sendOne: (command: KeyedCommand) => Promise<Answer>,
  answered: (command: KeyedCommand, answer: Answer) => void | Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < commands.length) {
        const command = commands[next++];
        await answered(command, await sendOne(command));
      }
    }),
  );
}

/**
 * The clients' recovery: every command not yet created is sent again with its key and body until
 * it is (a pause of 100 ms between rounds), within `ceilingMs`. Returns the last answer of each.
 */
export async function retryUntilCreated(
  commands: readonly KeyedCommand[],
  sendOne: (command: KeyedCommand) => Promise<Answer>,
  ceilingMs: number,
): Promise<Map<string, Answer>> {
  const last = new Map<string, Answer>();
  let pending = [...commands];
  const round = async () => {
    const answers = await Promise.all(pending.map(async (command) => [command, await sendOne(command)] as const));
    answers.forEach(([command, answer]) => last.set(command.key, answer));
    pending = answers.filter(([, answer]) => answer.kind !== 'created').map(([command]) => command);
    return { notCreated: pending.length, lastAnswers: pending.slice(0, 3).map((command) => last.get(command.key)) };
  };
  if (pending.length > 0) await eventually(round, ({ notCreated }) => notCreated === 0, { timeoutMs: ceilingMs, intervalMs: 100, what: 'every command created' });
  return last;
}

/** The events one registration appends: a mine's registration alone; a consignment's with its classification. */
const eventsOfRegistration = (command: KeyedCommand): number => (command.path === '/api/v1/consignments' ? 2 : 1);

/**
 * After the keyed retries: every command's registration is stored exactly once, in a stream of its
 * own holding that one append, and each retried command's answer names the stored stream and position.
 */
export async function expectEachStoredOnce(db: Pool, commands: readonly KeyedCommand[], retried: readonly KeyedCommand[], answers: ReadonlyMap<string, Answer>): Promise<void> {
  const after = await storedRegistrations(db);
  expect(commands.filter((command) => after.get(command.marker)?.count !== 1).map((command) => command.marker)).toEqual([]);
  const streams = commands.map((command) => after.get(command.marker)!.streamId);
  const perStream = await eventsPerStream(db, streams);
  expect(commands.filter((command) => perStream.get(after.get(command.marker)!.streamId) !== eventsOfRegistration(command)).map((command) => command.marker)).toEqual([]);
  for (const command of retried) {
    const answer = answers.get(command.key) as Extract<Answer, { kind: 'created' }>;
    expect(after.get(command.marker)).toEqual({ count: 1, streamId: expect.stringContaining(answer.id), position: answer.position });
  }
}
