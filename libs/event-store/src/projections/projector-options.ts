import type { DataSource } from 'typeorm';
import type { EventStore } from '../event-store';
import type { SessionSettings } from '../postgres/session-settings';
import type { Projection } from './projection';
import type { RebuildMode, RebuildPhase } from './rebuild-table';

/** The part of a logger the projector uses; NestJS's `Logger` and pino both fit. */
export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

/** How far a rebuild has come, reported while it runs (a BullMQ job forwards it as job progress). */
export interface RebuildProgress {
  readonly name: string;
  readonly mode: RebuildMode;
  readonly phase: RebuildPhase;
  /** Events passed since the reset (in-place) or into the copy (blue/green). */
  readonly eventsProcessed: number;
  /** How far the replay has come: the projection's checkpoint, or the copy's. */
  readonly checkpoint: string | null;
  /**
   * The head of the store when the rebuild started. An in-place rebuild is done when the checkpoint
   * reaches it; a blue/green one then catches up with the live projection and switches.
   */
  readonly target: string | null;
}

export interface ProjectorOptions {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly projections: readonly Projection[];
  /** Events per subscription batch, and so per transaction. Default 500. */
  readonly batchSize?: number;
  /**
   * Events per batch while a run that began from the empty read model (a new projection, an
   * in-place rebuild's reset, a blue/green copy) catches up with the store; `batchSize` once a
   * batch comes back short. Larger batches rewrite each row less often, and nobody waits for a
   * replay's batches one by one. Default 10 × `batchSize` (5,000).
   */
  readonly rebuildBatchSize?: number;
  /** How often a standby instance tries the locks and the holder checks its lock connection. Default 1,000 ms. */
  readonly lockIntervalMs?: number;
  /** First retry delay after a failed batch; doubles up to `maxBackoffMs`. Default 100 ms. */
  readonly initialBackoffMs?: number;
  /** Default 30,000 ms: a poison event is retried twice a minute, not in a busy loop. */
  readonly maxBackoffMs?: number;
  /** `status()` counts at most this many events behind a checkpoint. Default 10,000. */
  readonly lagCountLimit?: number;
  /** How often a rebuild reads its checkpoint to report progress. Default 250 ms. */
  readonly progressIntervalMs?: number;
  /**
   * Blue/green switch: the `lock_timeout` of one attempt (default 2,000 ms; readers of the old
   * tables wait at most this long behind it), how long an attempt holds the live checkpoint while
   * the copy catches up (default 5,000 ms), and the attempts before the rebuild fails (default 20).
   */
  readonly switchLockTimeoutMs?: number;
  readonly switchWaitMs?: number;
  readonly switchAttempts?: number;
  /** Session settings of the advisory-lock connection (default application name `ree-projector-locks`). */
  readonly lockSession?: Partial<SessionSettings>;
  /**
   * A committed event that readers cannot see for this long (an open transaction somewhere in the
   * cluster holds the store's readable horizon back) is logged as a warning naming the holder,
   * once per episode. Default 5,000 ms; looked at every `horizonCheckIntervalMs` (default 1,000 ms).
   */
  readonly horizonWarnAfterMs?: number;
  readonly horizonCheckIntervalMs?: number;
  readonly logger?: ProjectorLogger;
  readonly clock?: () => Date;
}

/** Without a logger, only trouble is written (to stderr); the applications pass their pino logger. */
export const consoleLogger: ProjectorLogger = {
  log: () => undefined,
  warn: (message) => console.warn(message),
  error: (message, stack) => console.error(message, stack ?? ''),
};
