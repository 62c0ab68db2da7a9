import { createEventStorePool, PostgresEventStore, Projector, type Projection, type ProjectorLogger } from '@ree/event-store';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { EVENTUALLY_CEILING_MS, eventually } from './eventually';
import { asOwner, openTestDataSource, privateTestDatabase } from './test-database';

/** The real PostgreSQL event store and read-model database of the test run. */
export interface ProjectorHarness {
  readonly store: PostgresEventStore;
  /** As the application role, as the worker connects. */
  readonly dataSource: DataSource;
  /** As the owner: for the DDL of a test's own tables, which the application role may not do. */
  readonly owner: DataSource;
  /** A projector over `projections`, started; it is stopped after the test. */
  run(projections: readonly Projection[], options?: { readonly batchSize?: number }): Promise<Projector>;
  /** Resolves once the projection's checkpoint is at or after `position` (polled, never a bare sleep). */
  caughtUp(name: string, position: string, timeoutMs?: number): Promise<void>;
}

const quiet: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: (message) => console.error(message) };

export interface ProjectorHarnessOptions {
  /**
   * Run on a database of the suite's own (`<DATABASE_URL>_<suffix>`, dropped after it): for a suite
   * that compares whole tables, which the shared test database's other events would fill too.
   */
  readonly privateDatabase?: string;
}

/**
 * Registers a suite's hooks for a context's projection tests: the store and the database opened
 * before the suite, every projector it runs stopped after each test. Read the harness inside tests only.
 */
export function useProjectorHarness(options: ProjectorHarnessOptions = {}): ProjectorHarness {
  let pool: Pool | undefined;
  let store: PostgresEventStore | undefined;
  let dataSource: DataSource | undefined;
  let owner: DataSource | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const projectors: Projector[] = [];
  beforeAll(async () => {
    let url = process.env.DATABASE_URL!;
    if (options.privateDatabase !== undefined) {
      const database = await privateTestDatabase(options.privateDatabase);
      url = database.url;
      dropDatabase = database.drop;
    }
    dataSource = await openTestDataSource([], url);
    owner = await openTestDataSource([], asOwner(url));
    pool = createEventStorePool(url);
    store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
  });
  afterAll(async () => {
    await store?.close();
    await pool?.end();
    await dataSource?.destroy();
    await owner?.destroy();
    await dropDatabase?.();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The projector harness opens in beforeAll');
    return value;
  };
  return {
    get store() {
      return opened(store);
    },
    get dataSource() {
      return opened(dataSource);
    },
    get owner() {
      return opened(owner);
    },
    async run(projections, options = {}) {
      const projector = new Projector({ store: opened(store), dataSource: opened(dataSource), projections, batchSize: options.batchSize, lockIntervalMs: 50, logger: quiet });
      projectors.push(projector);
      await projector.start();
      return projector;
    },
    async caughtUp(name, position, timeoutMs = EVENTUALLY_CEILING_MS) {
      const checkpointOf = async (): Promise<string | null> => {
        const rows: { checkpoint: string | null }[] = await opened(dataSource).query(`SELECT checkpoint FROM projections.checkpoints WHERE name = $1`, [name]);
        return rows[0]?.checkpoint ?? null;
      };
      const reached = (checkpoint: string | null) => checkpoint !== null && opened(store).comparePositions(checkpoint, position) >= 0;
      await eventually(checkpointOf, reached, { timeoutMs, intervalMs: 20, what: `${name} at ${position}` });
    },
  };
}
