import type { RebuildJobProgress } from '@ree/platform/projections';

/**
 * What the API can tell of a projection without running it (the worker does):
 * - `rebuilding`: a rebuild job waits or runs (a blue/green rebuild still answers from the old tables);
 * - `caught-up`: its checkpoint is at the event store's head;
 * - `catching-up`: events wait after its checkpoint (see `lagEvents`, `lagMs`).
 */
export type ProjectionState = 'caught-up' | 'catching-up' | 'rebuilding';

/** The projection's rebuild job: the one waiting or running, else the last one, until the next request replaces it. */
export interface RebuildStatus {
  readonly jobId: string;
  /** BullMQ's state: `waiting`, `delayed` (a retry after a failure), `active`, `completed`, `failed`. */
  readonly state: string;
  /** The projector's last report, `null` before the job has started. */
  readonly progress: RebuildJobProgress | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly finishedAt: string | null;
  /** Why the last attempt failed, when one did. */
  readonly failedReason?: string;
}

export interface ProjectionStatusItem {
  readonly name: string;
  readonly state: ProjectionState;
  /** The position of the last event applied, `null` before the first batch. */
  readonly checkpoint: string | null;
  /** When the checkpoint last moved. */
  readonly updatedAt: string;
  /** Events after the checkpoint, counted up to 10,000 (`lagEventsCapped` says when there are more). */
  readonly lagEvents: number;
  readonly lagEventsCapped: boolean;
  /** Age of the oldest event not applied yet; 0 when caught up. */
  readonly lagMs: number;
  /** Events passed since the projection's last reset or switch. */
  readonly eventsProcessed: number;
  readonly rebuild?: RebuildStatus;
}

/** BullMQ states after which a job is over. */
const ENDED = new Set(['completed', 'failed', 'unknown']);

export function stateOf(caughtUp: boolean, rebuild: RebuildStatus | undefined): ProjectionState {
  if (rebuild && !ENDED.has(rebuild.state)) return 'rebuilding';
  return caughtUp ? 'caught-up' : 'catching-up';
}

/** Projection names as the projector and its checkpoint table hold them; anything else cannot name one. */
export const PROJECTION_NAME = /^[A-Za-z0-9._-]{1,200}$/;
