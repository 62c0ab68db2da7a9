import type { EventStore } from '@ree/event-store';
import { WrongExpectedRevisionError } from '@ree/event-store';
import { type CommandContext, type DomainEvent, eventIdsFrom } from '@ree/shared-kernel';

/**
 * Re-reads and re-decides after each concurrent write to the reserved stream. Every lost race
 * means another command appended its reservation, so a balance covering n reservations is
 * settled within n retries; past this bound the caller gets 409 `concurrency-conflict`.
 */
const RESERVATION_RETRIES = 64;

/** What the reservation needs to know of the other context's stream: its name and its fold. */
export interface ReservedStream<State, Event extends DomainEvent> {
  readonly streamIdOf: (id: string) => string;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
  readonly schemaVersions: Readonly<Record<Event['type'], number>>;
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
 * The reservation half of the pattern (docs/domain.md, "The reservation pattern"), for any stream of another context (a mine, a
 * licence): appends a decision with that stream's expected revision, deciding again on the new
 * state whenever another writer got there first. Event ids come from the operation, so a retried
 * command re-appends nothing.
 *
 * Such a stream grows by one event per reservation, and every reserving command decides on it.
 * This process therefore keeps each stream's folded state with its revision and reads only the
 * events after it. That is safe because a stream only ever grows, and correct across API
 * instances because the append still carries the expected revision: a state that missed another
 * instance's reservation fails the append and is brought up to date before deciding again.
 */
export class StreamReservations<State, Event extends DomainEvent> {
  private readonly known = new Map<string, KnownStream<State>>();

  constructor(
    protected readonly store: EventStore,
    private readonly stream: ReservedStream<State, Event>,
  ) {}

  /** Decides and appends on the stream of `id`; answers the global position of its last event afterwards. */
  async decide(id: string, decision: ReservationDecision<State, Event>, operationId: string, context: CommandContext): Promise<string | null> {
    const streamId = this.stream.streamIdOf(id);
    const eventId = eventIdsFrom(operationId, streamId);
    for (let attempt = 0; ; attempt++) {
      const current = await this.current(id);
      const decided = decision(current.state);
      if (decided.length === 0) return current.position;
      try {
        const appended = await this.store.appendToStream(
          streamId,
          decided.map((event, index) => ({
            eventId: eventId(index),
            type: event.type,
            schemaVersion: this.stream.schemaVersions[event.type as Event['type']],
            data: event.data,
            metadata: { actor: context.actor, correlationId: context.correlationId },
          })),
          { expectedRevision: current.revision ?? 'no-stream' },
        );
        const state = decided.reduce(this.stream.evolve, current.state);
        this.remember(streamId, { revision: appended.nextExpectedRevision, position: appended.position, state });
        return appended.position;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= RESERVATION_RETRIES) throw error;
      }
    }
  }

  /** The stream of `id` as far as it has been written: the remembered state and the events after it. */
  async current(id: string): Promise<KnownStream<State>> {
    const streamId = this.stream.streamIdOf(id);
    const known = this.known.get(streamId) ?? { revision: null, position: null, state: this.stream.initialState() };
    const fresh = (await this.store.readStream(streamId, { fromRevision: (known.revision ?? -1) + 1 })) as unknown as Array<
      Event & { revision: number; position: string }
    >;
    if (fresh.length === 0) return known;
    const last = fresh[fresh.length - 1];
    const current = { revision: last.revision, position: last.position, state: fresh.reduce(this.stream.evolve, known.state) };
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
export function laterPosition(store: EventStore, a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return store.comparePositions(a, b) >= 0 ? a : b;
}
