import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, WrongExpectedRevisionError } from '@ree/event-store';
import type { CommandContext } from '@ree/platform';
import {
  evolveMine,
  initialMineState,
  MINE_SCHEMA_VERSIONS,
  MineEvent,
  MineRegisteredData,
  MineState,
  mineStreamId,
} from '@ree/registry';
import { eventIdsFrom, NotFound } from '@ree/shared-kernel';

/**
 * Re-reads and re-decides after each concurrent write to the mine. Every lost race means another
 * declaration took its draw, so a quota covering n draws is settled within n retries; past this
 * bound the caller gets 409 `concurrency-conflict` and may retry.
 */
const MINE_RETRIES = 64;

/** A decision on one mine's stream, made by the registry's pure deciders. */
export type MineDecision = (state: MineState) => MineEvent[];

interface KnownMine {
  readonly revision: number | null;
  readonly position: string | null;
  readonly state: MineState;
}

const UNKNOWN: KnownMine = { revision: null, position: null, state: initialMineState() };

/**
 * The reservation half of DOMAIN.md's pattern: appends a decision to a mine's stream with that
 * stream's expected revision, deciding again on the new state whenever another writer got there
 * first. Event ids come from the operation, so a retried command re-appends nothing.
 *
 * A mine's stream grows by one event per draw, all year long, and every declaration decides on
 * it. This process therefore keeps each mine's folded state with its revision and reads only
 * the events after it. That is safe because a stream only ever grows, and correct across API
 * instances because the append still carries the expected revision: a state that missed another
 * instance's draw fails the append and is brought up to date before deciding again.
 */
@Injectable()
export class MineReservations {
  private readonly known = new Map<string, KnownMine>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** A mine's registration (its deposit type settles a source's quota category); 404 for an unknown mine. */
  async registration(mineId: string): Promise<MineRegisteredData> {
    const { state } = await this.current(mineStreamId(mineId));
    if (!state.registration) throw new NotFound('Mine', mineId);
    return state.registration;
  }

  /** Decides and appends on the mine; answers the global position of the mine's last event afterwards. */
  async decide(mineId: string, decision: MineDecision, operationId: string, context: CommandContext): Promise<string | null> {
    const streamId = mineStreamId(mineId);
    const eventId = eventIdsFrom(operationId, streamId);
    for (let attempt = 0; ; attempt++) {
      const mine = await this.current(streamId);
      const decided = decision(mine.state);
      if (decided.length === 0) return mine.position;
      try {
        const appended = await this.store.appendToStream(
          streamId,
          decided.map((event, index) => ({
            eventId: eventId(index),
            type: event.type,
            schemaVersion: MINE_SCHEMA_VERSIONS[event.type],
            data: event.data,
            metadata: { actor: context.actor, correlationId: context.correlationId },
          })),
          { expectedRevision: mine.revision ?? 'no-stream' },
        );
        const state = decided.reduce(evolveMine, mine.state);
        this.remember(streamId, { revision: appended.nextExpectedRevision, position: appended.position, state });
        return appended.position;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MINE_RETRIES) throw error;
      }
    }
  }

  private async current(streamId: string): Promise<KnownMine> {
    const known = this.known.get(streamId) ?? UNKNOWN;
    const fresh = (await this.store.readStream(streamId, { fromRevision: (known.revision ?? -1) + 1 })) as unknown as Array<
      MineEvent & { revision: number; position: string }
    >;
    if (fresh.length === 0) return known;
    const last = fresh[fresh.length - 1];
    const current = { revision: last.revision, position: last.position, state: fresh.reduce(evolveMine, known.state) };
    this.remember(streamId, current);
    return current;
  }

  /** Keeps the furthest state seen: concurrent requests may finish out of order. */
  private remember(streamId: string, mine: KnownMine): void {
    const known = this.known.get(streamId);
    if (!known || known.revision === null || (mine.revision ?? -1) > known.revision) this.known.set(streamId, mine);
  }
}

/** Several decisions in one append, each on the state the previous one left. */
export const inTurn =
  (...decisions: MineDecision[]): MineDecision =>
  (state) => {
    const decided: MineEvent[] = [];
    for (const decision of decisions) decided.push(...decision(decided.reduce(evolveMine, state)));
    return decided;
  };

/** The later of two global positions, so that a client reading with X-Min-Position sees every write. */
export function laterPosition(store: EventStore, a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return store.comparePositions(a, b) >= 0 ? a : b;
}
