import { migrate, recreateDatabase } from '../../infra/data-source';

/** A fresh test database, migrated once for the whole run; tests use fresh ids, never truncate. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ree_test';
  await recreateDatabase(url);
  await migrate(url);
}
