import type { Checkpoint } from '../event-store';
import type { HorizonReport } from '../horizon';
import type { StoredRebuild } from './rebuild-table';

/**
 * - `running`: this instance holds the projection's lock and applies events.
 * - `standby`: another instance holds the lock; this one takes over when that instance's connection ends.
 * - `stopped`: the projector is not started.
 * - `rebuilding`: a rebuild started here has not ended yet (for blue/green: the copy is filling or switching;
 *   the live tables still follow the store).
 * - `failing`: this instance holds the lock, but the last batch failed and is being retried with back-off.
 */
export type ProjectionState = 'running' | 'standby' | 'stopped' | 'rebuilding' | 'failing';

export interface ProjectionStatus {
  readonly name: string;
  /** The stored checkpoint: the position of the last event applied, `null` before the first batch. */
  readonly checkpoint: Checkpoint | null;
  /** Events passed since the last reset (the progress of a rebuild). */
  readonly eventsProcessed: number;
  /** Events after the checkpoint, counted up to the projector's `lagCountLimit`. */
  readonly lagEvents: number;
  /** True when `lagEvents` stopped at the limit and the real lag is larger. */
  readonly lagEventsCapped: boolean;
  /** Now minus the recording time of the oldest event not yet applied; 0 when caught up. */
  readonly lagMs: number;
  readonly state: ProjectionState;
  /** The last batch failure on this instance, cleared by the next successful batch. */
  readonly lastError?: string;
  /** The projection's last rebuild, from whichever instance ran it (absent if it was never rebuilt). */
  readonly rebuild?: StoredRebuild;
  /**
   * The store's readable horizon (the same for every projection): committed events that no reader
   * can see yet are not in `lagEvents`; this says how many there are and who holds them back.
   */
  readonly horizon: HorizonReport;
}

/** Another writer changed the checkpoint under a batch: a rebuild, or a second active instance. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';

  constructor(
    readonly projection: string,
    readonly expected: Checkpoint | null,
    readonly actual: Checkpoint | null,
  ) {
    super(`Projection ${projection}: checkpoint expected at ${expected ?? 'the start'}, found ${actual ?? 'the start'}`);
  }
}
