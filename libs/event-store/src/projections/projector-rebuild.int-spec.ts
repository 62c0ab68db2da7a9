import { Projector } from './projector';
import type { RebuildProgress } from './projector-options';
import { appendEvents, checkpointOf, fresh, reaches, useProjectorHarness } from '../testing/schema-harness';
import { RowsProjection } from '../testing/rows-projection';
import { eventually } from '@ree/testing';

describe('Projector.rebuild', () => {
  const suite = useProjectorHarness();

  const projectionFor = (eventType: string) => suite.rowsProjection(eventType);
  const projectorOf = (...projections: RowsProjection[]) => suite.projector(projections, { batchSize: 100, progressIntervalMs: 20 });

  async function stateOf(projector: Projector, name: string): Promise<string | undefined> {
    return (await projector.status()).find((status) => status.name === name)?.state;
  }

  it('rebuilds row for row what the incremental build made, while another projection keeps advancing', async () => {
    const rebuilt = await projectionFor(fresh('Rebuilt'));
    const other = await projectionFor(fresh('Other'));
    const projector = projectorOf(rebuilt, other);
    await projector.start();
    let last = '';
    for (let stream = 0; stream < 4; stream++) last = (await appendEvents(suite.harness.store, rebuilt.eventTypes[0], 5)).position;
    await eventually(reaches(suite.harness, rebuilt.name, last));
    const incremental = await rebuilt.rows(suite.harness.dataSource.manager);

    const progress: RebuildProgress[] = [];
    const stateDuringRebuild: Array<string | undefined> = [];
    let otherAdvanced = false;
    await projector.rebuild(rebuilt.name, {
      onProgress: async (step) => {
        progress.push(step);
        if (otherAdvanced) return;
        stateDuringRebuild.push(await stateOf(projector, rebuilt.name));
        const { position } = await appendEvents(suite.harness.store, other.eventTypes[0], 2);
        await eventually(reaches(suite.harness, other.name, position));
        otherAdvanced = true;
      },
    });

    expect(await rebuilt.rows(suite.harness.dataSource.manager)).toEqual(incremental);
    expect(stateDuringRebuild).toEqual(['rebuilding']);
    expect(await other.rows(suite.harness.dataSource.manager)).toHaveLength(2);
    expect(rebuilt.handled).toHaveLength(40);
    const finalStep = progress[progress.length - 1];
    expect(suite.harness.store.comparePositions(finalStep.checkpoint!, finalStep.target!)).toBeGreaterThanOrEqual(0);
    expect(finalStep.eventsProcessed).toBeGreaterThanOrEqual(20);
    expect(await stateOf(projector, rebuilt.name)).toBe('running');
  });

  it('rebuilds from a standby instance: the active instance notices the reset and replays', async () => {
    const type = fresh('RebuiltElsewhere');
    const active = await projectionFor(type);
    const standbyCopy = active.twin();
    const holder = projectorOf(active);
    await holder.start();
    const standby = projectorOf(standbyCopy);
    await standby.start();
    const { position } = await appendEvents(suite.harness.store, type, 6);
    await eventually(reaches(suite.harness, active.name, position));
    const incremental = await active.rows(suite.harness.dataSource.manager);

    await standby.rebuild(active.name);

    expect(await active.rows(suite.harness.dataSource.manager)).toEqual(incremental);
    expect(active.handled).toHaveLength(12);
    expect(standbyCopy.handled).toEqual([]);
    expect(await checkpointOf(suite.harness.dataSource, active.name)).not.toBeNull();
  });
});
