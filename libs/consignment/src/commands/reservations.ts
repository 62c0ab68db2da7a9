import type { CommandResult, EventStore } from '@ree/event-store';
import { fold, handleCommand } from '@ree/event-store';
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

/** A mine's registration (its deposit type settles a source's quota category); 404 for an unknown mine. */
export async function readMine(store: EventStore, mineId: string): Promise<MineRegisteredData> {
  const events = (await store.readStream(mineStreamId(mineId))) as unknown as MineEvent[];
  const { registration } = fold({ evolve: evolveMine, initialState: initialMineState }, events);
  if (!registration) throw new NotFound('Mine', mineId);
  return registration;
}

/**
 * The reservation half of DOMAIN.md's pattern: appends a decision to a mine's stream with that
 * stream's expected revision, deciding again on the new state whenever another writer got there
 * first. Event ids come from the operation, so a retried command re-appends nothing.
 */
export function onMine(
  store: EventStore,
  mineId: string,
  decision: MineDecision,
  operationId: string,
  context: CommandContext,
): Promise<CommandResult<MineState>> {
  const streamId = mineStreamId(mineId);
  const decider = { decide: (_: unknown, state: MineState) => decision(state), evolve: evolveMine, initialState: initialMineState };
  return handleCommand(store, streamId, decider, null, {
    metadata: { actor: context.actor, correlationId: context.correlationId },
    eventId: eventIdsFrom(operationId, streamId),
    schemaVersions: MINE_SCHEMA_VERSIONS,
    retries: MINE_RETRIES,
  });
}

/** Several decisions in one append, each on the state the previous one left. */
export const inTurn =
  (...decisions: MineDecision[]): MineDecision =>
  (state) => {
    const decided: MineEvent[] = [];
    for (const decision of decisions) {
      const events = decision(decided.reduce(evolveMine, state));
      decided.push(...events);
    }
    return decided;
  };

/** The later of two global positions, so that a client reading with X-Min-Position sees every write. */
export function laterPosition(store: EventStore, a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return store.comparePositions(a, b) >= 0 ? a : b;
}
