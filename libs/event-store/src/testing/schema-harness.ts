import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '../../../../infra/data-source';
import { READ_MODEL, schemaGrants } from '../../../../infra/privileges';
import type { AppendResult, EventStore } from '../event-store';
import { createEventStorePool, PostgresEventStore } from '../postgres/index';
import { Projector } from '../projections/projector';
import type { ProjectorLogger, ProjectorOptions } from '../projections/projector-options';
import { RowsProjection } from './rows-projection';

/** The real PostgreSQL event store and read-model database of the test run, plus a schema of the test's own. */
export interface ProjectorHarness {
  readonly store: EventStore;
  /** As the application role, as the worker connects. */
  readonly dataSource: DataSource;
  /** As the owner (MIGRATION_DATABASE_URL): for the DDL of the tests' own read models, which the application role may not do. */
  readonly owner: DataSource;
  readonly schema: string;
  close(): Promise<void>;
}

export async function openHarness(): Promise<ProjectorHarness> {
  const url = process.env.DATABASE_URL!;
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  const pool: Pool = createEventStorePool(url);
  const store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
  const owner = new DataSource(dataSourceOptions(process.env.MIGRATION_DATABASE_URL!));
  await owner.initialize();
  const schema = `projector_test_${randomUUID().slice(0, 8)}`;
  await createReadModelSchema(owner.manager, schema);
  return {
    store,
    dataSource,
    owner,
    schema,
    close: async () => {
      await store.close();
      await pool.end();
      await dataSource.destroy();
      await owner.destroy();
    },
  };
}

/**
 * Creates `schema` for a test's own read model, as the owner (`owner`): the application role of
 * `DATABASE_URL` gets what it gets in a read-model schema of infra/privileges.ts, on the tables the
 * owner creates there later too; `blueGreen` also lets it rebuild the schema blue/green.
 */
export async function createReadModelSchema(owner: Pick<EntityManager, 'query'>, schema: string, options: { blueGreen?: boolean } = {}): Promise<void> {
  await owner.query(`CREATE SCHEMA ${schema}`);
  const role = decodeURIComponent(new URL(process.env.DATABASE_URL!).username);
  for (const statement of schemaGrants(schema, { all: READ_MODEL }, role)) await owner.query(statement);
  if (options.blueGreen) await owner.query(`INSERT INTO blue_green.schemas (schema_name) VALUES ($1) ON CONFLICT DO NOTHING`, [schema]);
}

/**
 * Registers a suite's hooks: one harness for the file, opened before its tests, and every
 * projector passed to `track` stopped after each test. Read `harness` inside tests only.
 */
export interface ProjectorSuite {
  readonly harness: ProjectorHarness;
  /** Stops `projector` after the test. */
  track(projector: Projector): Projector;
  /**
   * A projector over `projections` on the harness's store and database, quick to take its lock
   * (50 ms) and logging to a {@link RecordingLogger}; `tuning` overrides any option. Stopped after the test.
   */
  projector(projections: ProjectorOptions['projections'], tuning?: Partial<ProjectorOptions>): Projector;
  /** A {@link RowsProjection} of one event type, its table new in the harness's schema. */
  rowsProjection(eventType: string): Promise<RowsProjection>;
}

export function useProjectorHarness(): ProjectorSuite {
  let opened: ProjectorHarness | undefined;
  const projectors: Projector[] = [];
  beforeAll(async () => {
    opened = await openHarness();
  });
  afterEach(async () => {
    await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
  });
  afterAll(async () => {
    await opened?.close();
  });
  const harness = (): ProjectorHarness => {
    if (!opened) throw new Error('The projector harness opens in beforeAll');
    return opened;
  };
  const track = (projector: Projector): Projector => {
    projectors.push(projector);
    return projector;
  };
  return {
    get harness() {
      return harness();
    },
    track,
    projector: (projections, tuning = {}) =>
      track(new Projector({ store: harness().store, dataSource: harness().dataSource, projections, lockIntervalMs: 50, logger: new RecordingLogger(), ...tuning })),
    rowsProjection: (eventType) => RowsProjection.create(harness().owner.manager, harness().schema, fresh('rows'), eventType),
  };
}

/** A fresh name, so that tests sharing the database never share a projection or an event type. */
export function fresh(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

/** Appends `count` events of `type` to a new stream, with values 1…count. */
export function appendEvents(store: EventStore, type: string, count: number): Promise<AppendResult> {
  const events = Array.from({ length: count }, (_, index) => ({
    type,
    data: { value: index + 1 },
    metadata: { actor: { sub: 'projector-test', role: 'admin' } },
  }));
  return store.appendToStream(`test-${randomUUID()}`, events);
}

/** Keeps what the projector logs, for assertions and for a readable failure. */
export class RecordingLogger implements ProjectorLogger {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
}

export async function checkpointOf(dataSource: DataSource, name: string): Promise<string | null> {
  const rows: Array<{ checkpoint: string | null }> = await dataSource.query(
    `SELECT checkpoint FROM projections.checkpoints WHERE name = $1`,
    [name],
  );
  return rows[0]?.checkpoint ?? null;
}

/** True once the projection's checkpoint is at or after `position`. */
export function reaches(harness: ProjectorHarness, name: string, position: string): () => Promise<boolean> {
  return async () => {
    const checkpoint = await checkpointOf(harness.dataSource, name);
    return checkpoint !== null && harness.store.comparePositions(checkpoint, position) >= 0;
  };
}
