import type { EntityManager } from 'typeorm';
import type { Checkpoint } from '../event-store';
import { backoffDelay, sleep } from './backoff';
import { copySchemaOf, createCopy, dropCopy, switchSchemas } from './blue-green-schema';
import { deleteCheckpoint, loadCheckpoints, lockCheckpoint } from './checkpoint-table';
import type { BlueGreen, Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import {
  CheckpointProgress,
  checkpointProgress,
  followCheckpoint,
  reached,
  RebuildContext,
  RebuildOptions,
  RebuildReporter,
} from './rebuild-progress';
import { lockRebuild, recordRebuild } from './rebuild-table';

/** The checkpoint (and advisory-lock) name of a projection's blue/green copy. */
export const rebuildNameOf = (name: string): string => `${name}@rebuild`;

/** Another instance is rebuilding the projection: it holds the rebuild's advisory lock. */
export class RebuildInProgressError extends Error {
  override readonly name = 'RebuildInProgressError';

  constructor(readonly projection: string) {
    super(`Projection ${projection} is already being rebuilt`);
  }
}

/** A newer rebuild of the projection began elsewhere (this instance lost its rebuild lock): this one must not switch. */
export class RebuildSupersededError extends Error {
  override readonly name = 'RebuildSupersededError';

  constructor(readonly projection: string) {
    super(`Projection ${projection}: another rebuild replaced this one before it could switch`);
  }
}

/**
 * A rebuild that never empties the tables the read side answers from. It fills a copy of the
 * projection's schema (`<schema>__rebuild`) by running `blueGreen.inSchema(copy)` as an extra
 * runner, checkpoint `<name>@rebuild`, from the start, while the live runner keeps going. Once
 * the copy has reached the head the store had at the start, it catches up with the live
 * checkpoint, with the live runner paused if it runs here; then one transaction locks the live
 * checkpoint (which holds the live runner wherever it runs), swaps the schemas, gives the live
 * checkpoint the copy's and drops the old schema and the copy's checkpoint. A crash before that
 * commit leaves the live schema answering and a copy that the next rebuild drops first.
 */
export class BlueGreenRebuild {
  private readonly copyName: string;
  private readonly copySchema: string;
  private readonly copy: ProjectionRunner;

  constructor(
    private readonly context: RebuildContext,
    private readonly live: ProjectionRunner,
    private readonly blueGreen: BlueGreen,
  ) {
    this.copyName = rebuildNameOf(live.name);
    this.copySchema = copySchemaOf(blueGreen.schema);
    this.copy = new ProjectionRunner(renamed(blueGreen.inSchema(this.copySchema), this.copyName), context.runnerSettings);
  }

  async run(options: RebuildOptions): Promise<void> {
    const { locks, store, dataSource, logger } = this.context;
    if (!(await locks.tryLock(this.copyName))) throw new RebuildInProgressError(this.live.name);
    try {
      const target = await store.headPosition();
      logger.log(`Projection ${this.live.name}: rebuilding into ${this.copySchema} up to ${target ?? 'the empty store'}`);
      const reporter = await RebuildReporter.start(this.context, { name: this.live.name, mode: 'blue-green', target }, options);
      let last: CheckpointProgress = { checkpoint: null, eventsProcessed: 0 };
      const report = (phase: 'replaying' | 'switching') => async (progress: CheckpointProgress) => {
        last = progress;
        await reporter.report(phase, progress);
      };
      try {
        await dataSource.transaction(async (tx) => {
          await deleteCheckpoint(tx, this.copyName);
          await createCopy(tx, this.blueGreen.schema);
        });
        await this.startCopy();
        await followCheckpoint(this.context, this.copyName, target, report('replaying'), this.live.name);
        last = await this.switchOver(reporter, report('switching'));
        await reporter.notify('done', last);
        logger.log(`Projection ${this.live.name}: rebuilt, switched to the new tables`);
      } catch (error) {
        await this.stopCopy();
        if (!(error instanceof RebuildSupersededError)) await this.discardCopy();
        await reporter.fail(error, last);
        throw error;
      }
    } finally {
      await this.stopCopy();
      await locks.unlock(this.copyName).catch(() => undefined);
    }
  }

  /** Stops the copy's runner after its current batch (also when the projector stops). */
  stopCopy(): Promise<void> {
    return this.copy.deactivate('stopped');
  }

  private async startCopy(): Promise<void> {
    this.copy.standBy();
    await this.copy.activate();
  }

  /** Tries to switch until it succeeds; a lock that did not come in time (readers of the old tables) is retried with back-off. */
  private async switchOver(
    reporter: RebuildReporter,
    report: (progress: CheckpointProgress) => Promise<void>,
  ): Promise<CheckpointProgress> {
    const { logger, switchAttempts, signal } = this.context;
    for (let attempt = 1; ; attempt++) {
      // Without a pause the copy chases a moving checkpoint: first close most of the gap, then pause and close the rest.
      await this.followLive(report);
      const paused = this.live.holdsLock;
      if (paused) await this.live.pause();
      try {
        await this.followLive(report);
        const switched = await this.trySwitch(reporter.rebuildId);
        if (switched) return switched;
        logger.warn(`Projection ${this.live.name}: the copy did not catch up within the switch (attempt ${attempt})`);
      } catch (error) {
        if (!isLockTimeout(error)) throw error;
        logger.warn(`Projection ${this.live.name}: the switch waited too long for a lock (attempt ${attempt}); retrying`);
      } finally {
        if (paused) await this.live.resume();
      }
      if (attempt >= switchAttempts) throw new Error(`Projection ${this.live.name}: could not switch to the rebuilt tables in ${attempt} attempts`);
      if (!this.copy.holdsLock) await this.startCopy();
      await sleep(backoffDelay(attempt, 50, 2_000), signal);
    }
  }

  /** Until the copy's checkpoint reaches the live one as it stands now. */
  private async followLive(report: (progress: CheckpointProgress) => Promise<void>): Promise<void> {
    const live = (await checkpointProgress(this.context, this.live.name)).checkpoint;
    await followCheckpoint(this.context, this.copyName, live, report, this.live.name);
  }

  /**
   * One attempt, in one transaction: hold the live checkpoint (a batch of the live runner, here or
   * on another instance, waits), let the copy catch up with it, stop the copy, check that this is
   * still the projection's current rebuild, swap the schemas and move the checkpoints. Answers the
   * copy's final progress, or undefined when the copy did not catch up within `switchWaitMs`.
   */
  private trySwitch(rebuildId: string): Promise<CheckpointProgress | undefined> {
    const { dataSource, switchLockTimeoutMs } = this.context;
    return dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(switchLockTimeoutMs))}`);
      const live = await lockCheckpoint(tx, this.live.name);
      if (!(await this.copyReaches(live))) return undefined;
      await this.stopCopy();
      await lockCheckpoint(tx, this.copyName);
      const copy = await progressIn(tx, this.copyName);
      if (!reached(this.context.store, copy.checkpoint, live)) return undefined;
      if ((await lockRebuild(tx, this.live.name)) !== rebuildId) throw new RebuildSupersededError(this.live.name);
      await switchSchemas(tx, this.blueGreen.schema);
      await tx.query(
        `UPDATE projections.checkpoints SET checkpoint = $2, events_processed = $3, updated_at = now() WHERE name = $1`,
        [this.live.name, copy.checkpoint, copy.eventsProcessed],
      );
      await deleteCheckpoint(tx, this.copyName);
      await recordRebuild(tx, rebuildId, { phase: 'done', ...copy });
      return copy;
    });
  }

  private async copyReaches(live: Checkpoint | null): Promise<boolean> {
    const deadline = Date.now() + this.context.switchWaitMs;
    for (;;) {
      const { checkpoint } = await checkpointProgress(this.context, this.copyName);
      if (reached(this.context.store, checkpoint, live)) return true;
      if (Date.now() >= deadline || this.context.signal.aborted) return false;
      await sleep(Math.min(20, this.context.progressIntervalMs), this.context.signal);
    }
  }

  /** Best effort after a failure: the next rebuild would drop them anyway. */
  private async discardCopy(): Promise<void> {
    await this.context.dataSource
      .transaction(async (tx) => {
        await dropCopy(tx, this.blueGreen.schema);
        await deleteCheckpoint(tx, this.copyName);
      })
      .catch(() => undefined);
  }
}

/** The copy under its own checkpoint name; everything else is the copy's own. */
function renamed(projection: Projection, name: string): Projection {
  return {
    name,
    eventTypes: projection.eventTypes,
    handle: (events, tx) => projection.handle(events, tx),
    reset: (tx) => projection.reset(tx),
  };
}

async function progressIn(tx: EntityManager, name: string): Promise<CheckpointProgress> {
  const row = (await loadCheckpoints(tx, [name])).get(name);
  return { checkpoint: row?.checkpoint ?? null, eventsProcessed: row?.eventsProcessed ?? 0 };
}

/** PostgreSQL's `lock_not_available`: `lock_timeout` ran out. */
function isLockTimeout(error: unknown): boolean {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return candidate?.code === '55P03' || candidate?.driverError?.code === '55P03';
}
