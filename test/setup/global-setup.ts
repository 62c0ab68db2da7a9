import { createTestDatabase, testSuperuserUrl } from '../../libs/testing/src/test-database';

/**
 * A fresh test database, set up once for the whole run as `npm start` sets one up: both roles
 * (created when missing), the migrations run as the owner, the application role granted its
 * privileges. Tests use fresh ids, never truncate.
 */
export default async function globalSetup(): Promise<void> {
  await createTestDatabase(testSuperuserUrl());
}
