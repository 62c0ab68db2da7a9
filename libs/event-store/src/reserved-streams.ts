import { type DomainEvent, type EventMetadataInput, eventIdsFrom, type StreamType } from '@ree/shared-kernel';
import type { EventStore } from './event-store';
import { EventIdConflictError, WrongExpectedRevisionError } from './errors';

/**
 * Re-reads and re-decides after each concurrent write to a reserved stream. Every lost race
 * means another command appended its reservation, so a balance covering n reservations is
 * settled within n retries; past this bound the caller gets 409 `concurrency-conflict`.
 */
export const RESERVATION_RETRIES = 64;

/** What a reservation needs to know of another context's stream: its type and its fold. */
export interface ReservedStreamType<State, Event extends DomainEvent> {
  readonly stream: StreamType<Event>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** A decision on one reserved stream, made by the owning context's pure deciders. */
export type ReservationDecision<State, Event> = (state: State) => Event[];

/** A stream's folded state as of `revision`, and the global position of that event. */
export interface KnownStream<State> {
  readonly revision: number | null;
  readonly position: string | null;
  readonly state: State;
}

/**
 * One reservation of a command on another context's stream, as the command pipeline
 * (`handleCommand`'s `reserving` option) runs it: `take` before the command's own append,
 * `giveBack` once when the command's own stream then refuses. Built by {@link ReservedStreams.reserve}.
 */
export interface Reservation {
  readonly streamId: string;
  /** Appends the reservation; answers the reserved stream's position afterwards. */
  take(operationId: string, metadata: EventMetadataInput): Promise<string | null>;
  /** Appends what undoes it, once (event ids from the operation); nothing when nothing is to undo. */
  giveBack(operationId: string, metadata: EventMetadataInput): Promise<string | null>;
}

export interface ReservationSpec<State, Event> {
  /** The owning context's pure decision on the stream's state: what to reserve, or a refusal. */
  readonly decide: ReservationDecision<State, Event>;
  /** What undoes it when the command's own stream refuses after the reservation (e.g. a release). */
  readonly giveBack?: ReservationDecision<State, Event>;
  /**
   * The error to answer when the reservation's append clashes with events of the same ids: this
   * operation reserved before and its reservation has been undone since (`reservation-expired`).
   */
  readonly whenUndone?: () => Error;
}

/**
 * The streams of one kind that commands reserve on (a mine's quota, a licence's balance): decides
 * and appends with the stream's expected revision, deciding again on the new state whenever
 * another writer got there first. Event ids come from the operation, so a retried command
 * re-appends nothing.
 *
 * Such a stream grows by one event per reservation, and every reserving command decides on it.
 * This process therefore keeps each stream's folded state with its revision and reads only the
 * events after it. That is safe because a stream only ever grows, and correct across processes
 * because the append still carries the expected revision: a state that missed another process's
 * reservation fails the append and is brought up to date before deciding again.
 */
export class ReservedStreams<State, Event extends DomainEvent> {
  private readonly known = new Map<string, KnownStream<State>>();

  constructor(
    protected readonly store: EventStore,
    private readonly type: ReservedStreamType<State, Event>,
  ) {}

  /** A reservation on the stream of `id`, for the command pipeline. */
  reserve(id: string, spec: ReservationSpec<State, Event>): Reservation {
    const streamId = this.type.stream.streamId(id);
    const giveBack = spec.giveBack;
    return {
      streamId,
      take: (operationId, metadata) =>
        this.decide(id, spec.decide, operationId, metadata).catch((error: unknown) => {
          throw error instanceof EventIdConflictError && spec.whenUndone ? spec.whenUndone() : error;
        }),
      giveBack: async (operationId, metadata) => (giveBack ? this.decide(id, giveBack, `${operationId}:give-back`, metadata) : null),
    };
  }

  /** Decides and appends on the stream of `id`; answers the global position of its last event afterwards. */
  async decide(id: string, decision: ReservationDecision<State, Event>, operationId: string, metadata: EventMetadataInput): Promise<string | null> {
    const streamId = this.type.stream.streamId(id);
    const eventId = eventIdsFrom(operationId, streamId);
    // Only the metadata's own keys: a caller's wider object (a command context) must not leak into the record.
    const { actor, correlationId, causationId } = metadata;
    for (let attempt = 0; ; attempt++) {
      const current = await this.current(id);
      const decided = decision(current.state);
      if (decided.length === 0) return current.position;
      const schemaVersions: Readonly<Record<string, number>> = this.type.stream.schemaVersions;
      try {
        const appended = await this.store.appendToStream(
          streamId,
          decided.map((event, index) => ({
            eventId: eventId(index),
            type: event.type,
            schemaVersion: schemaVersions[event.type],
            data: event.data,
            metadata: { actor, correlationId, causationId },
          })),
          { expectedRevision: current.revision ?? 'no-stream' },
        );
        const state = decided.reduce(this.type.evolve, current.state);
        this.remember(streamId, { revision: appended.nextExpectedRevision, position: appended.position, state });
        return appended.position;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= RESERVATION_RETRIES) throw error;
      }
    }
  }

  /** The stream of `id` as far as it has been written: the remembered state and the events after it. */
  async current(id: string): Promise<KnownStream<State>> {
    const streamId = this.type.stream.streamId(id);
    const known = this.known.get(streamId) ?? { revision: null, position: null, state: this.type.initialState() };
    const fresh = this.type.stream.domainEvents(await this.store.readStream(streamId, { fromRevision: (known.revision ?? -1) + 1 }));
    const last = fresh.at(-1);
    if (!last) return known;
    const current = { revision: last.revision, position: last.position, state: fresh.reduce(this.type.evolve, known.state) };
    this.remember(streamId, current);
    return current;
  }

  /** Keeps the furthest state seen: concurrent requests may finish out of order. */
  private remember(streamId: string, stream: KnownStream<State>): void {
    const known = this.known.get(streamId);
    if (!known || known.revision === null || (stream.revision ?? -1) > known.revision) this.known.set(streamId, stream);
  }
}

/** The later of two global positions, so that a client reading with X-Min-Position sees every write. */
export function laterPosition(store: Pick<EventStore, 'comparePositions'>, a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return store.comparePositions(a, b) >= 0 ? a : b;
}
