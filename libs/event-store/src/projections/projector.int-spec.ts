import { appendEvents, checkpointOf, fresh, reaches, useProjectorHarness } from '../testing/schema-harness';
import { RowsProjection } from '../testing/rows-projection';
import { eventually } from '@ree/testing';

describe('Projector', () => {
  const suite = useProjectorHarness();

  const projectionFor = (eventType: string) => suite.rowsProjection(eventType);
  const projectorOf = (...projections: RowsProjection[]) => suite.projector(projections, { initialBackoffMs: 20, maxBackoffMs: 200 });

  it('turns the events of its types into rows and stores the last position as checkpoint', async () => {
    const type = fresh('Counted');
    const projection = await projectionFor(type);
    const projector = projectorOf(projection);
    await projector.start();

    const { events, position } = await appendEvents(suite.harness.store, type, 3);
    await eventually(reaches(suite.harness, projection.name, position));

    const rows = await projection.rows(suite.harness.dataSource.manager);
    expect(rows.map((row) => row.event_id).sort()).toEqual(events.map((event) => event.eventId).sort());
    expect(rows.map((row) => row.value).sort()).toEqual([1, 2, 3]);
    const [status] = await projector.status();
    expect(status).toMatchObject({ name: projection.name, state: 'running', checkpoint: position });
  });

  it('gives the same rows when the same events are applied again over the kept rows', async () => {
    const type = fresh('Replayed');
    const projection = await projectionFor(type);
    const first = projectorOf(projection);
    await first.start();
    const { position } = await appendEvents(suite.harness.store, type, 5);
    await eventually(reaches(suite.harness, projection.name, position));
    await first.stop();
    const before = await projection.rows(suite.harness.dataSource.manager);

    await suite.harness.dataSource.query(`DELETE FROM projections.checkpoints WHERE name = $1`, [projection.name]);
    const second = projectorOf(projection);
    await second.start();
    await eventually(reaches(suite.harness, projection.name, position));

    expect(projection.handled).toHaveLength(10);
    expect(await projection.rows(suite.harness.dataSource.manager)).toEqual(before);
  });

  it('commits the rows and the checkpoint together: a batch that fails halfway leaves neither', async () => {
    const type = fresh('Poisoned');
    const projection = await projectionFor(type);
    projection.failOnValue = 2;
    const projector = projectorOf(projection);
    await projector.start();

    const { events, position } = await appendEvents(suite.harness.store, type, 3);
    await eventually(async () => (await projector.status())[0].state === 'failing');
    await eventually(async () => projection.handled.length >= 3);

    const [status] = await projector.status();
    expect(status.lastError).toContain('poison event');
    expect(await projection.rows(suite.harness.dataSource.manager)).toEqual([]);
    const checkpoint = await checkpointOf(suite.harness.dataSource, projection.name);
    const beforeTheBatch = checkpoint === null || suite.harness.store.comparePositions(checkpoint, events[0].position) < 0;
    expect(beforeTheBatch).toBe(true);

    projection.failOnValue = undefined;
    await eventually(reaches(suite.harness, projection.name, position));
    expect((await projection.rows(suite.harness.dataSource.manager)).map((row) => row.value).sort()).toEqual([1, 2, 3]);
    expect((await projector.status())[0]).toMatchObject({ state: 'running', lagEvents: 0, lagMs: 0 });
    expect((await projector.status())[0].lastError).toBeUndefined();
  });

  it('resumes from the stored checkpoint after a stop, applying no event twice', async () => {
    const type = fresh('Resumed');
    const projection = await projectionFor(type);
    const first = projectorOf(projection);
    await first.start();
    const earlier = await appendEvents(suite.harness.store, type, 4);
    await eventually(reaches(suite.harness, projection.name, earlier.position));
    await first.stop();

    const later = await appendEvents(suite.harness.store, type, 3);
    // Lag counts deliverable events: any transaction still open on the server delays the new ones a moment.
    await eventually(async () => (await first.status())[0].lagEvents >= 3);
    const [stopped] = await first.status();
    expect(stopped).toMatchObject({ state: 'stopped', checkpoint: earlier.position });
    expect(stopped.lagMs).toBeGreaterThanOrEqual(0);

    const second = projectorOf(projection);
    await second.start();
    await eventually(reaches(suite.harness, projection.name, later.position));

    const all = [...earlier.events, ...later.events].map((event) => event.eventId);
    expect([...projection.handled].sort()).toEqual([...all].sort());
    expect(await projection.rows(suite.harness.dataSource.manager)).toHaveLength(7);
  });

  it('moves the checkpoint over batches in which no event is of its types', async () => {
    const projection = await projectionFor(fresh('Wanted'));
    const projector = projectorOf(projection);
    await projector.start();

    const { position } = await appendEvents(suite.harness.store, fresh('Unwanted'), 2);
    await eventually(reaches(suite.harness, projection.name, position));
    expect(projection.handled).toEqual([]);
  });
});
