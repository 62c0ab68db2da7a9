import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../../../infra/data-source';

/**
 * A connection to the test database that the global setup migrated (`DATABASE_URL`, set by
 * test/setup/test-env.ts), with the given read-model entities. Close it in `afterAll`.
 */
export async function openTestDataSource(entities: readonly (new () => unknown)[] = []): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: integration tests run with test/setup/test-env.ts');
  const dataSource = new DataSource({ ...dataSourceOptions(url), entities: [...entities], migrations: [] } as DataSourceOptions);
  return dataSource.initialize();
}
