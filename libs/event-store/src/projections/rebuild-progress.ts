import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Checkpoint, EventStore } from '../event-store';
import type { AdvisoryLocks } from './advisory-locks';
import { sleep } from './backoff';
import { loadCheckpoints, StoredCheckpoint } from './checkpoint-table';
import type { RunnerSettings } from './projection-runner';
import type { ProjectorLogger, RebuildProgress } from './projector-options';
import { recordRebuild, RebuildMode, RebuildPhase, startRebuild } from './rebuild-table';

export interface RebuildOptions {
  /** Called about every `progressIntervalMs` until the rebuild has ended, and once when it is done. */
  readonly onProgress?: (progress: RebuildProgress) => void | Promise<void>;
}

/** What a rebuild borrows from its {@link Projector}. */
export interface RebuildContext {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly logger: ProjectorLogger;
  readonly locks: AdvisoryLocks;
  /** How the projector runs a projection; a blue/green rebuild runs its copy the same way. */
  readonly runnerSettings: RunnerSettings;
  readonly progressIntervalMs: number;
  /** `lock_timeout` of each blue/green switch attempt. */
  readonly switchLockTimeoutMs: number;
  /** How long a switch attempt holds the live checkpoint while the copy applies the live projection's last batches. */
  readonly switchWaitMs: number;
  /** Switch attempts before the rebuild gives up. */
  readonly switchAttempts: number;
  /** Aborts when the projector stops. */
  readonly signal: AbortSignal;
}

export class ProjectorStoppedError extends Error {
  override readonly name = 'ProjectorStoppedError';

  constructor(projection: string) {
    super(`The projector stopped before projection ${projection} was rebuilt`);
  }
}

/** Whether `checkpoint` is at or after `goal` (every checkpoint is after the empty store's `null`). */
export function reached(store: EventStore, checkpoint: Checkpoint | null, goal: Checkpoint | null): boolean {
  if (goal === null) return true;
  return checkpoint !== null && store.comparePositions(checkpoint, goal) >= 0;
}

/** A checkpoint row as progress: a missing row is a projection that has applied nothing yet. */
export type CheckpointProgress = Pick<StoredCheckpoint, 'checkpoint' | 'eventsProcessed'>;

export async function checkpointProgress(context: RebuildContext, name: string): Promise<CheckpointProgress> {
  const row = (await loadCheckpoints(context.dataSource.manager, [name])).get(name);
  return { checkpoint: row?.checkpoint ?? null, eventsProcessed: row?.eventsProcessed ?? 0 };
}

/**
 * Polls the checkpoint `name` until it reaches `goal`, calling `report` at each look, and answers
 * the last one seen. Throws when the projector stops meanwhile.
 */
export async function followCheckpoint(
  context: RebuildContext,
  name: string,
  goal: Checkpoint | null,
  report: (progress: CheckpointProgress) => Promise<void>,
  projection = name,
): Promise<CheckpointProgress> {
  for (;;) {
    const progress = await checkpointProgress(context, name);
    await report(progress);
    if (reached(context.store, progress.checkpoint, goal)) return progress;
    if (context.signal.aborted) throw new ProjectorStoppedError(projection);
    await sleep(context.progressIntervalMs, context.signal);
  }
}

/**
 * Keeps one rebuild's row of `projections.rebuilds` current (so any instance can read it) and
 * hands the same progress to the caller's `onProgress` (a BullMQ job forwards it as job progress).
 */
export class RebuildReporter {
  private constructor(
    private readonly context: RebuildContext,
    readonly rebuildId: string,
    private readonly base: Pick<RebuildProgress, 'name' | 'mode' | 'target'>,
    private readonly options: RebuildOptions,
  ) {}

  static async start(
    context: RebuildContext,
    rebuild: { name: string; mode: RebuildMode; target: Checkpoint | null },
    options: RebuildOptions,
  ): Promise<RebuildReporter> {
    const rebuildId = randomUUID();
    await startRebuild(context.dataSource.manager, { ...rebuild, rebuildId });
    return new RebuildReporter(context, rebuildId, rebuild, options);
  }

  /** Records the progress, then tells the caller. */
  async report(phase: RebuildPhase, progress: CheckpointProgress): Promise<void> {
    await recordRebuild(this.context.dataSource.manager, this.rebuildId, { phase, ...progress });
    await this.notify(phase, progress);
  }

  /** Tells the caller only: the row was written in the caller's transaction. */
  async notify(phase: RebuildPhase, progress: CheckpointProgress): Promise<void> {
    await this.options.onProgress?.({ ...this.base, phase, ...progress });
  }

  /** Best effort: the database may be what failed. */
  async fail(error: unknown, progress: CheckpointProgress): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await recordRebuild(this.context.dataSource.manager, this.rebuildId, { phase: 'failed', ...progress, error: message }).catch(
      () => undefined,
    );
  }
}
