import { Projector } from './projector';
import type { ProjectorOptions, RebuildProgress } from './projector-options';
import { BlueGreenRowsProjection, namedObjectsOf } from '../testing/blue-green-projection';
import { RecordingLogger, appendEvents, checkpointOf, fresh, reaches, useProjectorHarness } from '../testing/schema-harness';
import { RowsProjection } from '../testing/rows-projection';
import { eventually } from '@ree/testing';

describe('Projector.rebuild, blue/green', () => {
  const suite = useProjectorHarness();
  const db = () => suite.harness.dataSource;

  async function blueGreen(type = fresh('BlueGreen')): Promise<BlueGreenRowsProjection> {
    const schema = fresh('bg');
    await BlueGreenRowsProjection.createTables(suite.harness.owner.manager, schema);
    return new BlueGreenRowsProjection(fresh('bluegreen'), schema, type);
  }

  function projectorOf(projections: ProjectorOptions['projections'], tuning: Partial<ProjectorOptions> = {}): Projector {
    return suite.track(
      new Projector({
        store: suite.harness.store,
        dataSource: db(),
        projections,
        batchSize: 7,
        lockIntervalMs: 50,
        initialBackoffMs: 10,
        maxBackoffMs: 50,
        progressIntervalMs: 20,
        logger: new RecordingLogger(),
        ...tuning,
      }),
    );
  }

  /** The same events projected from the start into a schema of their own, by a projection of its own: what a rebuild must equal. */
  async function cleanBuildOf(projection: BlueGreenRowsProjection) {
    const clean = await blueGreen(projection.eventTypes[0]);
    const projector = projectorOf([clean]);
    await projector.start();
    const head = (await suite.harness.store.headPosition())!;
    await eventually(reaches(suite.harness, clean.name, head));
    return clean.rows(db().manager);
  }

  async function appendValues(type: string, streams: number, perStream: number): Promise<string> {
    let last = '';
    for (let stream = 0; stream < streams; stream++) last = (await appendEvents(suite.harness.store, type, perStream)).position;
    return last;
  }

  const schemaExists = async (schema: string) =>
    (await db().query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).length > 0;

  it('answers reads from the old tables while the copy fills, then from tables equal to a clean build, names kept', async () => {
    const projection = await blueGreen();
    const other = await RowsProjection.create(suite.harness.owner.manager, suite.harness.schema, fresh('rows'), fresh('Other'));
    const projector = projectorOf([projection, other]);
    await projector.start();
    await eventually(reaches(suite.harness, projection.name, await appendValues(projection.eventTypes[0], 4, 5)));
    // Rows an older version of the projection left behind: a rebuild must not keep them.
    await db().query(`UPDATE ${projection.schema}.totals SET last_value = 999`);
    await db().query(`INSERT INTO ${projection.schema}.items (event_id, stream_id, revision, value) VALUES (gen_random_uuid(), 'stale', 0, 1)`);
    const before = await projection.rows(db().manager);
    const namesBefore = await namedObjectsOf(db().manager, projection.schema);

    projection.holdCopies();
    const progress: RebuildProgress[] = [];
    const rebuilt = projector.rebuild(projection.name, { onProgress: (step) => void progress.push(step) });
    await eventually(async () => projection.copyBatches > 0);

    expect(await projection.rows(db().manager)).toEqual(before);
    expect((await projector.status()).find((status) => status.name === projection.name)?.state).toBe('rebuilding');
    // The live projection and the others keep following the store meanwhile.
    const during = await appendValues(projection.eventTypes[0], 1, 3);
    await eventually(reaches(suite.harness, projection.name, during));
    expect((await projection.rows(db().manager)).items).toHaveLength(before.items.length + 3);
    const otherPosition = (await appendEvents(suite.harness.store, other.eventTypes[0], 2)).position;
    await eventually(reaches(suite.harness, other.name, otherPosition));

    projection.releaseCopies();
    await rebuilt;

    const after = await projection.rows(db().manager);
    expect(after).toEqual(await cleanBuildOf(projection));
    expect(after.items).toHaveLength(23);
    expect(await namedObjectsOf(db().manager, projection.schema)).toEqual(namesBefore);
    expect(await schemaExists(`${projection.schema}__rebuild`)).toBe(false);
    expect(await checkpointOf(db(), `${projection.name}@rebuild`)).toBeNull();
    expect(suite.harness.store.comparePositions((await checkpointOf(db(), projection.name))!, during)).toBeGreaterThanOrEqual(0);
    expect(progress.map((step) => step.phase)).toEqual(expect.arrayContaining(['replaying', 'switching', 'done']));
    expect(progress[progress.length - 1]).toMatchObject({ mode: 'blue-green', phase: 'done', eventsProcessed: expect.any(Number) });
    const [status] = (await projector.status()).filter((entry) => entry.name === projection.name);
    expect(status).toMatchObject({ state: 'running', rebuild: { mode: 'blue-green', phase: 'done', error: null } });

    // After the switch the live runner applies new events to the new tables.
    const next = await appendValues(projection.eventTypes[0], 1, 2);
    await eventually(reaches(suite.harness, projection.name, next));
    expect((await projection.rows(db().manager)).items).toHaveLength(25);
  });

  it('starts clean after a rebuild that died: a leftover copy and its checkpoint are dropped first', async () => {
    const projection = await blueGreen();
    const projector = projectorOf([projection]);
    await projector.start();
    await eventually(reaches(suite.harness, projection.name, await appendValues(projection.eventTypes[0], 2, 4)));
    const copy = `${projection.schema}__rebuild`;
    await suite.harness.owner.query(`CREATE SCHEMA ${copy}`);
    await suite.harness.owner.query(`CREATE TABLE ${copy}.items (junk int)`);
    await db().query(`INSERT INTO projections.checkpoints (name, checkpoint) VALUES ($1, $2)`, [
      `${projection.name}@rebuild`,
      await suite.harness.store.headPosition(),
    ]);

    await projector.rebuild(projection.name);

    expect(await projection.rows(db().manager)).toEqual(await cleanBuildOf(projection));
    expect(await schemaExists(copy)).toBe(false);
  });

  it('switches from a standby instance: the active one moves on from the copy’s checkpoint, into the new tables', async () => {
    const type = fresh('BlueGreenElsewhere');
    const active = await blueGreen(type);
    const standbyTwin = new BlueGreenRowsProjection(active.name, active.schema, type);
    const holder = projectorOf([active]);
    await holder.start();
    const standby = projectorOf([standbyTwin]);
    await standby.start();
    await eventually(reaches(suite.harness, active.name, await appendValues(type, 3, 3)));
    await db().query(`DELETE FROM ${active.schema}.totals`);

    await standby.rebuild(active.name);

    expect(await active.rows(db().manager)).toEqual(await cleanBuildOf(active));
    const next = await appendValues(type, 1, 2);
    await eventually(reaches(suite.harness, active.name, next));
    expect((await active.rows(db().manager)).items).toHaveLength(11);
    expect((await holder.status())[0].state).toBe('running');
  });

  it('retries the switch while a reader holds the old tables, and switches once it has finished', async () => {
    const projection = await blueGreen();
    const logger = new RecordingLogger();
    const projector = projectorOf([projection], { logger, switchLockTimeoutMs: 50 });
    await projector.start();
    await eventually(reaches(suite.harness, projection.name, await appendValues(projection.eventTypes[0], 2, 3)));
    const reader = db().createQueryRunner();
    await reader.startTransaction();
    await reader.query(`SELECT count(*) FROM ${projection.schema}.items`);

    const rebuilt = projector.rebuild(projection.name);
    await eventually(async () => logger.lines.some((line) => line.includes('waited too long for a lock')));
    await reader.commitTransaction();
    await reader.release();
    await rebuilt;

    expect(await projection.rows(db().manager)).toEqual(await cleanBuildOf(projection));
  });
});
