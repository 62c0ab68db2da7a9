import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import {
  evolveMine,
  initialMineState,
  MINE_SCHEMA_VERSIONS,
  MineEvent,
  MineRegisteredData,
  MineState,
  mineStreamId,
} from '@ree/registry';
import { NotFound } from '@ree/shared-kernel';
import { ReservationDecision, StreamReservations } from './stream-reservations';

/** A decision on one mine's stream, made by the registry's pure deciders. */
export type MineDecision = ReservationDecision<MineState, MineEvent>;

/**
 * Quota draws and returns on the mines' streams (`StreamReservations`): a mine's stream gains
 * one event per draw all year, so this process remembers each mine's folded state.
 */
@Injectable()
export class MineReservations extends StreamReservations<MineState, MineEvent> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { streamIdOf: mineStreamId, evolve: evolveMine, initialState: initialMineState, schemaVersions: MINE_SCHEMA_VERSIONS });
  }

  /** A mine's registration (its deposit type settles a source's quota category); 404 for an unknown mine. */
  async registration(mineId: string): Promise<MineRegisteredData> {
    const { state } = await this.current(mineId);
    if (!state.registration) throw new NotFound('Mine', mineId);
    return state.registration;
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
