import { lockCheckpoint, resetCheckpoint } from './checkpoint-table';
import type { ProjectionRunner } from './projection-runner';
import { CheckpointProgress, followCheckpoint, RebuildContext, RebuildOptions, RebuildReporter } from './rebuild-progress';

/**
 * Empties the projection's tables and replays every event into them (a projection without
 * `blueGreen`: its read side answers from half-filled tables meanwhile). The reset and the
 * checkpoint's return to the start are one transaction, taken with the live runner paused; on a
 * standby instance the active one notices the emptied checkpoint within `lockIntervalMs` and replays.
 * Resolves when the checkpoint reaches the head the store had at the start.
 */
export async function rebuildInPlace(context: RebuildContext, runner: ProjectionRunner, options: RebuildOptions): Promise<void> {
  const { name } = runner;
  const target = await context.store.headPosition();
  context.logger.log(`Projection ${name}: rebuilding in place up to ${target ?? 'the empty store'}`);
  const reporter = await RebuildReporter.start(context, { name, mode: 'in-place', target }, options);
  let last: CheckpointProgress = { checkpoint: null, eventsProcessed: 0 };
  try {
    await runner.pause();
    try {
      await context.dataSource.transaction(async (tx) => {
        await lockCheckpoint(tx, name);
        await runner.projection.reset(tx);
        await resetCheckpoint(tx, name);
      });
    } finally {
      await runner.resume();
    }
    last = await followCheckpoint(context, name, target, async (progress) => {
      last = progress;
      await reporter.report('replaying', progress);
    });
    await reporter.report('done', last);
    context.logger.log(`Projection ${name}: rebuilt`);
  } catch (error) {
    await reporter.fail(error, last);
    throw error;
  }
}
