import { EventStore, WrongExpectedRevisionError } from '@ree/event-store';
import { type CommandContext, fold, RecordedEvent } from '@ree/shared-kernel';
import type { ConsignmentEvent } from '../consignment/consignment.events';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../consignment/consignment.state';

export interface ReadConsignment {
  readonly state: ConsignmentState;
  readonly events: readonly RecordedEvent[];
}

/**
 * The consignment as its stream tells it. Handlers that reserve on another stream decide the
 * consignment side on it first, so that a refusal (404, `invalid-transition`) touches no mine.
 */
export async function readConsignment(store: EventStore, streamId: string): Promise<ReadConsignment> {
  const events = await store.readStream(streamId);
  const state = fold({ evolve: evolveConsignment, initialState: initialConsignmentState }, events as unknown as ConsignmentEvent[]);
  return { state, events };
}

/** A stale `If-Match` is refused (412) before any mine is touched, not after the draw. */
export function assertExpectedRevision(streamId: string, { events }: ReadConsignment, context: CommandContext): void {
  const revision = events.at(-1)?.revision ?? null;
  if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
    throw new WrongExpectedRevisionError(streamId, context.expectedRevision, revision);
  }
}
