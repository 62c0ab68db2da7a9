import { EventStore, WrongExpectedRevisionError } from '@ree/event-store';
import { NewEvent } from '@ree/shared-kernel';
import { randomInt, randomUUID } from 'node:crypto';
import { Expected } from './history';
import { HISTORY_EVENT_TYPE } from './history-projection';
import { HistoryRecorder } from './recorder';

export interface WorkloadOptions {
  readonly store: EventStore;
  readonly recorder: HistoryRecorder;
  /** Logical operations in all, shared out among the clients as they go. */
  readonly operations: number;
  readonly clients: number;
  /** Streams the clients share (more come and replace them: see {@link choose}). */
  readonly streams: number;
  /** Stream ids start with it, so that runs never meet. */
  readonly prefix: string;
  /** Attempts of one operation before it is left indeterminate. Default 30. */
  readonly maxAttempts?: number;
  /** Called after each logical operation has ended (the fault schedule counts them). */
  readonly onOperation?: (done: number) => void;
}

/**
 * Concurrent clients appending to a set of shared streams, as Elle's list-append workload does:
 * each operation appends 1–4 events, each carrying `{ op, n }` in its data, with an expected
 * revision of one of three kinds: the revision the client last learnt for the stream (from its
 * own answers and refusals, so often stale), `any`, or `no-stream`. An attempt whose answer was
 * lost is retried, after a short back-off, with the same event ids, the same content and the same
 * expected revision, until the store answers it or `maxAttempts` is reached.
 */
export async function runWorkload(options: WorkloadOptions): Promise<void> {
  const shared = { next: 0, done: 0, fresh: 0, streams: Array.from({ length: options.streams }, (_, index) => `${options.prefix}-${index}`) };
  const maxAttempts = options.maxAttempts ?? 30;

  async function client(client: number): Promise<void> {
    const known = new Map<string, number | null>();
    while (shared.next < options.operations) {
      const op = `${options.prefix}-op${shared.next++}`;
      const { streamId, expected } = choose(client, known);
      const correlationId = randomUUID();
      const events: NewEvent[] = Array.from({ length: 1 + randomInt(4) }, (_, n) => ({
        eventId: randomUUID(),
        type: HISTORY_EVENT_TYPE,
        data: { op, n, client, value: randomInt(1_000_000) },
        metadata: { actor: { sub: `history-client-${client}`, role: 'admin' }, correlationId },
      }));
      const eventIds = events.map((event) => event.eventId!);
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const { outcome, error } = await options.recorder.record({ op, attempt, client, streamId, eventIds, expected }, () =>
          options.store.appendToStream(streamId, events, { expectedRevision: expected }),
        );
        if (outcome.kind === 'ok') known.set(streamId, outcome.revisions[outcome.revisions.length - 1]);
        if (error instanceof WrongExpectedRevisionError) known.set(streamId, error.actual);
        if (outcome.kind !== 'indeterminate') break;
        await new Promise((resolve) => setTimeout(resolve, Math.min(2 * attempt, 50)));
      }
      options.onOperation?.(++shared.done);
    }
  }

  /** One in ten operations starts a new stream, which replaces a shared one; the rest pick a shared stream. */
  function choose(client: number, known: ReadonlyMap<string, number | null>): { streamId: string; expected: Expected } {
    if (randomInt(10) === 0) {
      const streamId = `${options.prefix}-c${client}-new${shared.fresh++}`;
      shared.streams[randomInt(shared.streams.length)] = streamId;
      return { streamId, expected: 'no-stream' };
    }
    const streamId = shared.streams[randomInt(shared.streams.length)];
    const kind = randomInt(20);
    if (kind < 9) return { streamId, expected: known.get(streamId) ?? 'no-stream' };
    return { streamId, expected: kind < 18 ? 'any' : 'no-stream' };
  }

  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
}
