import { Decider, DomainEvent, EventMetadataInput, fold, RecordedEvent } from '@ree/shared-kernel';
import { EventStore } from './event-store';
import { WrongExpectedRevisionError } from './errors';
import { backoffDelay, jitteredDelay, sleep } from './projections/backoff';

export interface HandleCommandOptions {
  /** The revision the caller saw (HTTP `If-Match`): a mismatch fails at once, without retry. */
  readonly expectedRevision?: number | 'no-stream';
  readonly metadata: EventMetadataInput;
  /** Event ids by index, e.g. derived from the command's idempotency key (see `deterministicEventId`). */
  readonly eventId?: (index: number) => string;
  /** Schema versions of the event types this decider emits; 1 when absent. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  /** How many times to re-read, re-decide and re-append after a concurrent write. Default 3. */
  readonly retries?: number;
  /**
   * The pause before retry n is drawn evenly from 0 to `initialMs` × 2^(n − 1), at most `maxMs`
   * (default 10 ms and 250 ms): concurrent commands on one stream spread out instead of colliding
   * again at once.
   */
  readonly retryBackoff?: { readonly initialMs: number; readonly maxMs: number; readonly random?: () => number };
}

const DEFAULT_RETRY_BACKOFF = { initialMs: 10, maxMs: 250 };

/** The pause before retry `retry` (from 1) of a command that lost a race. */
export function commandRetryDelay(retry: number, backoff: HandleCommandOptions['retryBackoff'] = DEFAULT_RETRY_BACKOFF): number {
  return jitteredDelay(backoffDelay(retry, backoff.initialMs, backoff.maxMs), backoff.random);
}

export interface CommandResult<State> {
  readonly streamId: string;
  /** The stream's revision after the command, `null` if the stream still does not exist. */
  readonly revision: number | null;
  /** The global position of the last event of the stream after the command. */
  readonly position: string | null;
  readonly newEvents: readonly RecordedEvent[];
  readonly state: State;
}

/**
 * Read → fold → decide → append with the expected revision. When another writer got there
 * first and the caller did not pin a revision, the command is decided again on the new state,
 * after a jittered back-off ({@link commandRetryDelay}).
 */
export async function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options: HandleCommandOptions,
): Promise<CommandResult<State>> {
  const retries = options.expectedRevision === undefined ? (options.retries ?? 3) : 0;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await sleep(commandRetryDelay(attempt, options.retryBackoff));
    const stored = await store.readStream(streamId);
    const actual = stored.length === 0 ? null : stored[stored.length - 1].revision;
    const expected = options.expectedRevision === 'no-stream' ? null : options.expectedRevision;
    if (options.expectedRevision !== undefined && expected !== actual) {
      throw new WrongExpectedRevisionError(streamId, options.expectedRevision, actual);
    }
    const state = fold(decider, stored as unknown as Event[]);
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { streamId, revision: actual, position: stored.at(-1)?.position ?? null, newEvents: [], state };
    }
    try {
      const result = await store.appendToStream(
        streamId,
        decided.map((event, index) => ({
          eventId: options.eventId?.(index),
          type: event.type,
          schemaVersion: options.schemaVersions?.[event.type] ?? 1,
          data: event.data,
          metadata: options.metadata,
        })),
        { expectedRevision: actual ?? 'no-stream' },
      );
      const after = decided.reduce((current, event) => decider.evolve(current, event), state);
      return {
        streamId,
        revision: result.nextExpectedRevision,
        position: result.position,
        newEvents: result.events,
        state: after,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= retries) throw error;
    }
  }
}
