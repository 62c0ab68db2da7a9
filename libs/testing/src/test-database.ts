import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions, dropDatabase, migrate, recreateDatabase } from '../../../infra/data-source';

/**
 * A connection to the test database that the global setup migrated (`DATABASE_URL`, set by
 * test/setup/test-env.ts), or to `url`, with the given read-model entities. Close it in `afterAll`.
 */
export async function openTestDataSource(
  entities: readonly (new () => unknown)[] = [],
  url: string | undefined = process.env.DATABASE_URL,
): Promise<DataSource> {
  if (!url) throw new Error('DATABASE_URL is not set: integration tests run with test/setup/test-env.ts');
  const dataSource = new DataSource({ ...dataSourceOptions(url), entities: [...entities], migrations: [] } as DataSourceOptions);
  return dataSource.initialize();
}

/**
 * A migrated database of the test's own, beside the shared one (`<DATABASE_URL>_<suffix>`), for a
 * test that writes what no other test may meet: events rewritten past the append-only trigger,
 * or events that no command would write. The shared test database is replayed from zero by later
 * tests (rebuilds, a new worker's projections), which must not trip over them. Drop it in `afterAll`.
 */
export async function privateTestDatabase(suffix: string): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const shared = process.env.DATABASE_URL;
  if (!shared) throw new Error('DATABASE_URL is not set: integration tests run with test/setup/test-env.ts');
  const url = `${shared}_${suffix}`;
  await recreateDatabase(url);
  await migrate(url);
  return { url, drop: () => dropDatabase(url) };
}
