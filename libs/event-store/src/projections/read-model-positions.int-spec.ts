import { Projector } from './projector';
import { ReadModelPositions } from './read-model-positions';
import { RecordingLogger, appendEvents, fresh, useProjectorHarness } from '../testing/schema-harness';
import { RowsProjection } from '../testing/rows-projection';

describe('ReadModelPositions', () => {
  const suite = useProjectorHarness();

  async function setUp(count: number) {
    const projections = await Promise.all(
      Array.from({ length: count }, () =>
        RowsProjection.create(suite.harness.owner.manager, suite.harness.schema, fresh('rows'), fresh('Read')),
      ),
    );
    const projector = new Projector({
      store: suite.harness.store,
      dataSource: suite.harness.dataSource,
      projections,
      lockIntervalMs: 50,
      logger: new RecordingLogger(),
    });
    suite.track(projector);
    const positions = new ReadModelPositions({
      store: suite.harness.store,
      dataSource: suite.harness.dataSource,
      projections: projections.map((projection) => projection.name),
    });
    return { projections, projector, positions };
  }

  it('counts a projection without a checkpoint as behind', async () => {
    const { positions } = await setUp(1);
    const { position } = await appendEvents(suite.harness.store, fresh('Unseen'), 1);

    expect(await positions.reached(position)).toBe(false);
  });

  it('waits until every projection has passed the position, and the rows are there', async () => {
    const { projections, projector, positions } = await setUp(2);
    await projector.start();
    await appendEvents(suite.harness.store, projections[0].eventTypes[0], 2);
    const { position } = await appendEvents(suite.harness.store, projections[1].eventTypes[0], 3);

    expect(await positions.waitFor(position, 60_000)).toBe(true);
    expect(await positions.reached(position)).toBe(true);
    expect(await projections[0].rows(suite.harness.dataSource.manager)).toHaveLength(2);
    expect(await projections[1].rows(suite.harness.dataSource.manager)).toHaveLength(3);
  });

  it('answers false when the projector does not pass the position in time', async () => {
    const { projections, projector, positions } = await setUp(1);
    await projector.start();
    const { position: reachable } = await appendEvents(suite.harness.store, projections[0].eventTypes[0], 1);
    expect(await positions.waitFor(reachable, 60_000)).toBe(true);
    await projector.stop();

    const { position } = await appendEvents(suite.harness.store, projections[0].eventTypes[0], 1);
    const waits = await Promise.all([positions.waitFor(position, 100), positions.waitFor(reachable, 100)]);

    expect(waits).toEqual([false, true]);
  });
});
