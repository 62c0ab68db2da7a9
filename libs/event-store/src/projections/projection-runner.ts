import type { RecordedEvent } from '@ree/shared-kernel';
import type { DataSource } from 'typeorm';
import type { Checkpoint, EventStore, Subscription } from '../event-store';
import { backoffDelay, sleep } from './backoff';
import { advanceCheckpoint, loadCheckpoints, lockCheckpoint } from './checkpoint-table';
import type { Projection } from './projection';
import { CheckpointMovedError, ProjectionState } from './projection-state';
import type { ProjectorLogger } from './projector-options';

export interface RunnerSettings {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly logger: ProjectorLogger;
  readonly batchSize: number;
  /** A run from the empty read model reads this many events per batch until it has caught up. */
  readonly rebuildBatchSize: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

/** One subscription's life: from a start at a stored checkpoint to its stop. */
interface Run {
  active: boolean;
  /** The checkpoint this run last committed, and so the one it expects to find in the table. */
  expected: Checkpoint | null;
  readonly abort: AbortController;
  subscription?: Subscription;
  inFlight?: Promise<void>;
}

/**
 * Runs one projection on this instance while the {@link Projector} holds its lock. Each batch is
 * applied in one transaction with its checkpoint; a failed batch is retried with back-off.
 * Lifecycle changes (activate, pause, restart…) are queued so they never interleave.
 */
export class ProjectionRunner {
  lastError?: string;
  private phase: 'stopped' | 'standby' | 'active' = 'stopped';
  private failing = false;
  private rebuilding = false;
  private run?: Run;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly types?: ReadonlySet<string>;

  constructor(
    readonly projection: Projection,
    private readonly settings: RunnerSettings,
  ) {
    this.types = projection.eventTypes ? new Set(projection.eventTypes) : undefined;
  }

  get name(): string {
    return this.projection.name;
  }

  get state(): ProjectionState {
    if (this.phase === 'stopped') return 'stopped';
    if (this.phase === 'active' && this.failing) return 'failing';
    if (this.rebuilding) return 'rebuilding';
    return this.phase === 'active' ? 'running' : 'standby';
  }

  get holdsLock(): boolean {
    return this.phase === 'active';
  }

  get waitsForLock(): boolean {
    return this.phase === 'standby';
  }

  get isRebuilding(): boolean {
    return this.rebuilding;
  }

  set isRebuilding(value: boolean) {
    this.rebuilding = value;
  }

  standBy(): void {
    this.phase = 'standby';
  }

  /** The lock is ours: start from the stored checkpoint. Back to standby when that fails. */
  activate(): Promise<void> {
    return this.serial(async () => {
      this.phase = 'active';
      try {
        await this.startRun();
      } catch (error) {
        this.phase = 'standby';
        throw error;
      }
    });
  }

  /** Stops gracefully (the current batch finishes) and leaves the lock to the caller. */
  deactivate(next: 'standby' | 'stopped'): Promise<void> {
    return this.serial(async () => {
      await this.stopRun();
      this.phase = next;
      this.failing = false;
    });
  }

  /** Stops applying events but keeps the lock: a rebuild resets the tables meanwhile. */
  pause(): Promise<void> {
    return this.serial(() => this.stopRun());
  }

  /** Starts again from the stored checkpoint if this instance holds the lock. */
  resume(): Promise<void> {
    return this.serial(async () => {
      if (this.phase === 'active' && !this.run) await this.startRun();
    });
  }

  /** A checkpoint that vanished under an active run means a rebuild elsewhere reset the projection. */
  noticeStoredCheckpoint(stored: Checkpoint | null): void {
    const run = this.run;
    if (run?.active && run.expected !== null && stored === null) this.restart(run);
  }

  private async startRun(): Promise<void> {
    const { dataSource, store, batchSize, rebuildBatchSize } = this.settings;
    const stored = await loadCheckpoints(dataSource.manager, [this.name]);
    const run: Run = { active: true, expected: stored.get(this.name)?.checkpoint ?? null, abort: new AbortController() };
    this.run = run;
    this.failing = false;
    run.subscription = store.subscribeToAll({
      after: run.expected,
      batchSize,
      // From the empty read model (a new projection, a rebuild), the replay goes in larger batches until it has caught up.
      ...(run.expected === null ? { catchUpBatchSize: rebuildBatchSize } : {}),
      handler: (events, checkpoint) => this.deliver(run, events, checkpoint),
      onError: (error) => this.recordFailure(error, 'the event store subscription failed'),
    });
  }

  private async stopRun(): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    run.active = false;
    run.abort.abort();
    await run.subscription?.stop();
    await run.inFlight;
  }

  private restart(run: Run): void {
    run.active = false;
    void this.serial(async () => {
      if (this.run !== run) return;
      await this.stopRun();
      if (this.phase === 'active') await this.startRun();
    }).catch((error) => this.recordFailure(error, 'restarting from the stored checkpoint failed'));
  }

  private async deliver(run: Run, events: readonly RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    if (!run.active || events.length === 0) return;
    run.inFlight = this.applyWithRetry(run, events, checkpoint);
    await run.inFlight;
  }

  private async applyWithRetry(run: Run, events: readonly RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    for (let attempt = 1; run.active; attempt++) {
      try {
        await this.commit(run, events, checkpoint);
        run.expected = checkpoint;
        this.failing = false;
        this.lastError = undefined;
        return;
      } catch (error) {
        if (error instanceof CheckpointMovedError) {
          this.settings.logger.warn(`${error.message}; restarting from the stored checkpoint`);
          this.restart(run);
          return;
        }
        this.recordFailure(error, `the batch after ${run.expected ?? 'the start'} failed (attempt ${attempt})`);
        const { initialBackoffMs, maxBackoffMs } = this.settings;
        await sleep(backoffDelay(attempt, initialBackoffMs, maxBackoffMs), run.abort.signal);
      }
    }
  }

  private async commit(run: Run, events: readonly RecordedEvent[], checkpoint: Checkpoint): Promise<void> {
    await this.settings.dataSource.transaction(async (tx) => {
      const stored = await lockCheckpoint(tx, this.name);
      if (stored !== run.expected) throw new CheckpointMovedError(this.name, run.expected, stored);
      const wanted = this.types ? events.filter((event) => this.types!.has(event.type)) : events;
      if (wanted.length > 0) await this.projection.handle(wanted, tx);
      await advanceCheckpoint(tx, this.name, checkpoint, events.length);
    });
  }

  private recordFailure(error: unknown, what: string): void {
    this.failing = true;
    this.lastError = error instanceof Error ? error.message : String(error);
    this.settings.logger.error(
      `Projection ${this.name}: ${what}: ${this.lastError}`,
      error instanceof Error ? error.stack : undefined,
    );
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
