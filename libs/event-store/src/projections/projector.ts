import type { Checkpoint } from '../event-store';
import { readHorizon } from '../horizon';
import { AdvisoryLocks, clientConfigOf } from './advisory-locks';
import { BlueGreenRebuild } from './blue-green-rebuild';
import { loadCheckpoints } from './checkpoint-table';
import { HorizonWatch } from './horizon-watch';
import { ProjectionRunner, RunnerSettings } from './projection-runner';
import type { ProjectionStatus } from './projection-state';
import { consoleLogger, ProjectorLogger, ProjectorOptions } from './projector-options';
import { rebuildInPlace } from './rebuild-in-place';
import type { RebuildContext, RebuildOptions } from './rebuild-progress';
import { loadRebuilds } from './rebuild-table';

/**
 * Runs projections from the event store into PostgreSQL (docs/quality.md, point 6).
 *
 * Each projection is active on one instance of the deployment: the holder of a session advisory
 * lock (`pg_try_advisory_lock(hashtext('projection:' || name))`) on a dedicated connection.
 * Others stand by and try again every `lockIntervalMs`; the holder checks its lock connection as
 * often and stands down when it has died. The active instance subscribes from the stored
 * checkpoint and commits every batch's read-model rows with the new checkpoint in one
 * transaction, which also checks that nobody else moved the checkpoint meanwhile.
 */
export class Projector {
  private readonly runners: ReadonlyMap<string, ProjectionRunner>;
  private readonly locks: AdvisoryLocks;
  private readonly horizonWatch: HorizonWatch;
  private readonly logger: ProjectorLogger;
  private readonly clock: () => Date;
  private started = false;
  private timer?: NodeJS.Timeout;
  private ticking: Promise<void> = Promise.resolve();
  private stopping = new AbortController();
  private readonly settings: RunnerSettings;
  /** Rebuilds under way on this instance, and the blue/green copies they run: a stop waits for them. */
  private readonly rebuilds = new Set<Promise<void>>();
  private readonly copies = new Set<BlueGreenRebuild>();

  constructor(private readonly options: ProjectorOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.clock = options.clock ?? (() => new Date());
    const batchSize = options.batchSize ?? 500;
    const settings: RunnerSettings = {
      store: options.store,
      dataSource: options.dataSource,
      logger: this.logger,
      batchSize,
      rebuildBatchSize: options.rebuildBatchSize ?? 10 * batchSize,
      initialBackoffMs: options.initialBackoffMs ?? 100,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
    };
    this.settings = settings;
    const runners = new Map<string, ProjectionRunner>();
    for (const projection of options.projections) {
      if (runners.has(projection.name)) throw new Error(`Two projections are named ${projection.name}`);
      runners.set(projection.name, new ProjectionRunner(projection, settings));
    }
    this.runners = runners;
    this.locks = new AdvisoryLocks(clientConfigOf(options.dataSource, 10_000, options.lockSession), this.logger);
    this.horizonWatch = new HorizonWatch({
      store: options.store,
      logger: this.logger,
      warnAfterMs: options.horizonWarnAfterMs ?? 5_000,
      intervalMs: options.horizonCheckIntervalMs ?? 1_000,
    });
  }

  get projectionNames(): string[] {
    return [...this.runners.keys()];
  }

  /** Tries every lock once before it resolves, then keeps trying in the background. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.stopping = new AbortController();
    for (const runner of this.runners.values()) runner.standBy();
    this.ticking = this.tick();
    await this.ticking;
    this.schedule();
    this.horizonWatch.start();
  }

  /** Lets every current batch finish, then releases the locks so that a standby instance takes over. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.horizonWatch.stop();
    await this.ticking;
    await Promise.all([...this.copies].map((rebuild) => rebuild.stopCopy()));
    await Promise.allSettled([...this.rebuilds]);
    await Promise.all([...this.runners.values()].map((runner) => runner.deactivate('stopped')));
    await this.locks.close();
  }

  /**
   * Replays every event into the projection again while the other projections keep running, and
   * resolves when it is done. A projection with `blueGreen` is rebuilt into a copy of its schema
   * that replaces the live one once it has caught up, so reads answer from the old tables until
   * then ({@link BlueGreenRebuild}); any other is emptied and refilled in place
   * ({@link rebuildInPlace}). Works on a standby instance too. Progress is reported to
   * `onProgress` and kept in `projections.rebuilds`.
   */
  async rebuild(name: string, options: RebuildOptions = {}): Promise<void> {
    const runner = this.runnerOf(name);
    if (!this.started) throw new Error(`Projection ${name} cannot be rebuilt while the projector is stopped`);
    if (runner.isRebuilding) throw new Error(`Projection ${name} is already being rebuilt`);
    runner.isRebuilding = true;
    const blueGreen = runner.projection.blueGreen;
    const copy = blueGreen ? new BlueGreenRebuild(this.rebuildContext(), runner, blueGreen) : undefined;
    if (copy) this.copies.add(copy);
    const rebuilding = copy ? copy.run(options) : rebuildInPlace(this.rebuildContext(), runner, options);
    this.rebuilds.add(rebuilding);
    try {
      await rebuilding;
    } finally {
      this.rebuilds.delete(rebuilding);
      if (copy) this.copies.delete(copy);
      runner.isRebuilding = false;
    }
  }

  /**
   * Checkpoint, lag and state of every projection, read from the checkpoint table (so right on a
   * standby instance too), with the store's readable horizon.
   */
  async status(): Promise<ProjectionStatus[]> {
    const stored = await loadCheckpoints(this.options.dataSource.manager, this.projectionNames);
    const rebuilds = await loadRebuilds(this.options.dataSource.manager, this.projectionNames);
    const horizon = await readHorizon(this.options.store, { countLimit: this.options.lagCountLimit ?? 10_000 });
    const lags = new Map<string, Promise<Lag>>();
    return Promise.all(
      [...this.runners.values()].map(async (runner) => {
        const row = stored.get(runner.name);
        const checkpoint = row?.checkpoint ?? null;
        const key = checkpoint ?? '';
        if (!lags.has(key)) lags.set(key, this.lagAfter(checkpoint));
        const lag = await lags.get(key)!;
        return {
          name: runner.name,
          checkpoint,
          eventsProcessed: row?.eventsProcessed ?? 0,
          ...lag,
          state: runner.state,
          ...(runner.lastError === undefined ? {} : { lastError: runner.lastError }),
          ...(rebuilds.has(runner.name) ? { rebuild: rebuilds.get(runner.name) } : {}),
          horizon,
        };
      }),
    );
  }

  private async lagAfter(checkpoint: Checkpoint | null): Promise<Lag> {
    const limit = this.options.lagCountLimit ?? 10_000;
    const { events } = await this.options.store.readAll({ after: checkpoint, maxCount: limit });
    const oldest = events[0] ? Date.parse(events[0].recordedAt) : undefined;
    return {
      lagEvents: events.length,
      lagEventsCapped: events.length >= limit,
      lagMs: oldest === undefined ? 0 : Math.max(0, this.clock().getTime() - oldest),
    };
  }

  private rebuildContext(): RebuildContext {
    const { options } = this;
    return {
      store: options.store,
      dataSource: options.dataSource,
      logger: this.logger,
      locks: this.locks,
      runnerSettings: this.settings,
      progressIntervalMs: options.progressIntervalMs ?? 250,
      switchLockTimeoutMs: options.switchLockTimeoutMs ?? 2_000,
      switchWaitMs: options.switchWaitMs ?? 5_000,
      switchAttempts: options.switchAttempts ?? 20,
      signal: this.stopping.signal,
    };
  }

  private schedule(): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => this.schedule());
    }, this.options.lockIntervalMs ?? 1_000);
  }

  /** One round of lock keeping: stand down if the lock connection died, then try the free locks. */
  private async tick(): Promise<void> {
    try {
      const runners = [...this.runners.values()];
      const holders = runners.filter((runner) => runner.holdsLock);
      if (holders.length > 0 && !(await this.locks.alive())) {
        await Promise.all(holders.map((runner) => runner.deactivate('standby')));
      }
      await this.noticeResets(runners.filter((runner) => runner.holdsLock));
      for (const runner of runners) {
        if (this.started && runner.waitsForLock) await this.takeOver(runner);
      }
    } catch (error) {
      this.logger.warn(`Projection locks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async takeOver(runner: ProjectionRunner): Promise<void> {
    if (!(await this.locks.tryLock(runner.name))) return;
    try {
      await runner.activate();
      this.logger.log(`Projection ${runner.name}: active on this instance`);
    } catch (error) {
      await this.locks.unlock(runner.name);
      throw error;
    }
  }

  private async noticeResets(holders: readonly ProjectionRunner[]): Promise<void> {
    if (holders.length === 0) return;
    const manager = this.options.dataSource.manager;
    const stored = await loadCheckpoints(manager, holders.map((runner) => runner.name));
    for (const runner of holders) runner.noticeStoredCheckpoint(stored.get(runner.name)?.checkpoint ?? null);
  }

  private runnerOf(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (!runner) throw new UnknownProjectionError(name);
    return runner;
  }
}

interface Lag {
  readonly lagEvents: number;
  readonly lagEventsCapped: boolean;
  readonly lagMs: number;
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';

  constructor(readonly projection: string) {
    super(`No projection is named ${projection}`);
  }
}
