import type { RecordedEvent } from '@ree/shared-kernel';
import type { Projection } from './projection';
import { Projector } from './projector';
import { RecordingLogger, appendEvents, fresh, reaches, useProjectorHarness } from '../testing/schema-harness';
import { eventually } from '@ree/testing';

/** Remembers how many events each batch brought: every type, so a batch is what the subscription read. */
class BatchSizes implements Projection {
  readonly sizes: number[] = [];
  constructor(readonly name: string) {}
  async handle(events: readonly RecordedEvent[]): Promise<void> {
    this.sizes.push(events.length);
  }
  async reset(): Promise<void> {}
}

const BATCH = 5;
const REBUILD_BATCH = 50;

describe('Projector batch sizes: rebuildBatchSize while a run from the empty read model catches up, batchSize after', () => {
  const suite = useProjectorHarness();
  const store = () => suite.harness.store;

  function projectorOf(projection: BatchSizes): Projector {
    return suite.track(
      new Projector({
        store: store(),
        dataSource: suite.harness.dataSource,
        projections: [projection],
        batchSize: BATCH,
        rebuildBatchSize: REBUILD_BATCH,
        lockIntervalMs: 50,
        progressIntervalMs: 20,
        logger: new RecordingLogger(),
      }),
    );
  }

  /** Appends `count` events in one append and waits until `readAll` can deliver them (no older transaction holds them back). */
  async function appended(count: number): Promise<string> {
    const { position } = await appendEvents(store(), fresh('Sized'), count);
    await eventually(async () => store().comparePositions((await store().headPosition())!, position) >= 0);
    return position;
  }

  /** The sizes of the batches handled since `from`, once the checkpoint has reached `position`. */
  async function batchesUntil(projection: BatchSizes, position: string, from = projection.sizes.length): Promise<number[]> {
    await eventually(reaches(suite.harness, projection.name, position));
    return projection.sizes.slice(from);
  }

  /** A replay from the start: full rebuild-sized batches, then at most one shorter (the head), then live-sized ones only. */
  function expectReplay(sizes: readonly number[]): void {
    expect(sizes[0]).toBe(REBUILD_BATCH);
    const caughtUp = sizes.findIndex((size) => size < REBUILD_BATCH);
    if (caughtUp >= 0) expect(sizes.slice(caughtUp + 1).every((size) => size <= BATCH)).toBe(true);
  }

  it('replays from the start in rebuild-sized batches, then follows live appends in live-sized ones', async () => {
    const projection = new BatchSizes(fresh('sizes'));
    const projector = projectorOf(projection);
    const head = await appended(REBUILD_BATCH + 10);
    await projector.start();
    expectReplay(await batchesUntil(projection, head));

    const beforeLive = projection.sizes.length;
    const live = await batchesUntil(projection, await appended(12), beforeLive);
    expect(live.every((size) => size <= BATCH)).toBe(true);
    expect(live.reduce((sum, size) => sum + size, 0)).toBeGreaterThanOrEqual(12);
  });

  it('resumes from a stored checkpoint in live-sized batches, and replays an in-place rebuild in rebuild-sized ones', async () => {
    const projection = new BatchSizes(fresh('sizes'));
    const first = projectorOf(projection);
    await first.start();
    await batchesUntil(projection, await appended(REBUILD_BATCH + 10));
    await first.stop();

    const backlog = await appended(3 * BATCH + 2);
    const second = projectorOf(projection);
    const from = projection.sizes.length;
    await second.start();
    const resumed = await batchesUntil(projection, backlog, from);
    expect(resumed.length).toBeGreaterThanOrEqual(4);
    expect(resumed.every((size) => size <= BATCH)).toBe(true);

    const rebuildFrom = projection.sizes.length;
    await second.rebuild(projection.name);
    expectReplay(projection.sizes.slice(rebuildFrom));
  });
});
