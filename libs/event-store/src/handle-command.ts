import { Decider, DomainEvent, EventMetadataInput, fold, RecordedEvent, type StreamType } from '@ree/shared-kernel';
import { EventStore } from './event-store';
import { WrongExpectedRevisionError } from './errors';
import { backoffDelay, jitteredDelay, sleep } from './projections/backoff';
import { laterPosition, type Reservation } from './reserved-streams';

export interface HandleCommandOptions<Event extends DomainEvent = DomainEvent, State = never, Command = never> {
  /** The kind of stream the command decides on: its events are folded as this union, appended with its schema versions. */
  readonly stream: StreamType<Event>;
  /** The revision the caller saw (HTTP `If-Match`): a mismatch fails at once, without retry and before any reservation. */
  readonly expectedRevision?: number | 'no-stream';
  readonly metadata: EventMetadataInput;
  /** Event ids by index, e.g. derived from the command's idempotency key (see `deterministicEventId`). */
  readonly eventId?: (index: number) => string;
  /** How many times to re-read, re-decide and re-append after a concurrent write. Default 3. */
  readonly retries?: number;
  /**
   * The pause before retry n is drawn evenly from 0 to `initialMs` × 2^(n − 1), at most `maxMs`
   * (default 10 ms and 250 ms): concurrent commands on one stream spread out instead of colliding
   * again at once.
   */
  readonly retryBackoff?: { readonly initialMs: number; readonly maxMs: number; readonly random?: () => number };
  /** What the command reserves on other streams before its own append (docs/domain.md, "The reservation pattern"). */
  readonly reserving?: Reserving<State, Command>;
  /**
   * A retry that finds the command's first event id (`eventId(0)`) in the stream answers the stream
   * as it stands instead of deciding again: for commands whose decision is not quiet when repeated.
   */
  readonly answerWhenWritten?: boolean;
}

/**
 * The reservations of a command that touches two streams. They are decided once the command's
 * own decision has passed on the state read (a refusal, a stale `If-Match` reserve nothing), each
 * on its stream with that stream's expected revision, with event ids derived from `operationId`
 * and the reserved stream; then the command's own events are appended. When the command's own
 * decision refuses on a later attempt (a concurrent write changed its stream), every reservation
 * taken is given back once. A crash between the appends leaves the reservation to the same
 * operation's retry, which finds it and appends nothing twice.
 */
export interface Reserving<State, Command> {
  readonly operationId: string;
  /** What to reserve, given the stream's state and the command that passed on it. */
  reservations(state: State, command: Command): readonly Reservation[];
}

/** A command completed from the stream's state before it is decided (a quantity by default, a category from a mine). */
export interface CommandFrom<Command, State> {
  readonly from: (state: State) => Command | Promise<Command>;
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
  /** The global position of the last event the command wrote or found, on its stream or a reserved one. */
  readonly position: string | null;
  readonly newEvents: readonly RecordedEvent[];
  readonly state: State;
}

/**
 * The one command pipeline: read → fold → decide → (reserve) → append with the expected revision.
 * When another writer got there first and the caller did not pin a revision, the command is
 * decided again on the new state, after a jittered back-off ({@link commandRetryDelay}).
 */
export async function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  input: Command | CommandFrom<Command, State>,
  options: HandleCommandOptions<Event, State, Command>,
): Promise<CommandResult<State>> {
  const retries = options.expectedRevision === undefined ? (options.retries ?? 3) : 0;
  let command: Command | undefined;
  let reserved: { readonly taken: readonly Reservation[]; readonly position: string | null } | undefined;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) await sleep(commandRetryDelay(attempt, options.retryBackoff));
    const stored = options.stream.domainEvents(await store.readStream(streamId));
    const actual = stored.at(-1)?.revision ?? null;
    const head = stored.at(-1)?.position ?? null;
    const state = fold(decider, stored);
    if (options.answerWhenWritten && options.eventId && stored.some((event) => event.eventId === options.eventId!(0))) {
      return { streamId, revision: actual, position: head, newEvents: [], state };
    }
    assertExpectedRevision(streamId, options.expectedRevision, actual);
    command ??= isCommandFrom(input) ? await input.from(state) : input;
    const decided = await decideOrGiveBack(() => decider.decide(command!, state), reserved?.taken ?? [], options.reserving?.operationId, options.metadata);
    if (decided.length === 0) {
      return { streamId, revision: actual, position: laterPosition(store, head, reserved?.position ?? null), newEvents: [], state };
    }
    reserved ??= await reserve(store, state, command, options);
    const schemaVersions: Readonly<Record<string, number>> = options.stream.schemaVersions;
    try {
      const result = await store.appendToStream(
        streamId,
        decided.map((event, index) => ({
          eventId: options.eventId?.(index),
          type: event.type,
          schemaVersion: schemaVersions[event.type],
          data: event.data,
          metadata: options.metadata,
        })),
        { expectedRevision: actual ?? 'no-stream' },
      );
      return {
        streamId,
        revision: result.nextExpectedRevision,
        position: laterPosition(store, result.position, reserved.position),
        newEvents: result.events,
        state: decided.reduce((current, event) => decider.evolve(current, event), state),
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= retries) throw error;
    }
  }
}

function isCommandFrom<Command, State>(input: Command | CommandFrom<Command, State>): input is CommandFrom<Command, State> {
  return typeof input === 'object' && input !== null && typeof (input as Partial<CommandFrom<Command, State>>).from === 'function';
}

function assertExpectedRevision(streamId: string, expectedRevision: number | 'no-stream' | undefined, actual: number | null): void {
  if (expectedRevision === undefined) return;
  const expected = expectedRevision === 'no-stream' ? null : expectedRevision;
  if (expected !== actual) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
}

/** Each reservation in turn; the position is the latest of theirs. */
async function reserve<Event extends DomainEvent, State, Command>(
  store: EventStore,
  state: State,
  command: Command,
  options: HandleCommandOptions<Event, State, Command>,
) {
  const taken: Reservation[] = [];
  let position: string | null = null;
  if (!options.reserving) return { taken, position };
  const { operationId, reservations } = options.reserving;
  for (const reservation of reservations(state, command)) {
    const reserved = await reservation.take(operationId, options.metadata).catch(async (refusal: unknown) => {
      // A later reservation refused: the earlier ones are given back, as when the command's own stream refuses.
      for (const earlier of taken) await earlier.giveBack(operationId, options.metadata);
      throw refusal;
    });
    position = laterPosition(store, position, reserved);
    taken.push(reservation);
  }
  return { taken, position };
}

/** A refusal after reservations were taken gives each back once, then stands. */
async function decideOrGiveBack<Event>(
  decide: () => Event[],
  taken: readonly Reservation[],
  operationId: string | undefined,
  metadata: EventMetadataInput,
): Promise<Event[]> {
  try {
    return decide();
  } catch (refusal) {
    for (const reservation of taken) await reservation.giveBack(operationId!, metadata);
    throw refusal;
  }
}
