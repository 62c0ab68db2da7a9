import { asApplication, asOwner, testDatabaseUrls, testSuperuserUrl } from '../../libs/testing/src/test-database';

/**
 * Every integration and end-to-end test talks to the test database, never the development one,
 * as the application role; the owner's and the bootstrap URLs are those `npm start` would use.
 */
const superuserUrl = testSuperuserUrl();
process.env.DATABASE_URL = asApplication(superuserUrl);
process.env.MIGRATION_DATABASE_URL = asOwner(superuserUrl);
process.env.DATABASE_BOOTSTRAP_URL = testDatabaseUrls(superuserUrl).bootstrap;
process.env.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
process.env.NODE_ENV = 'test';
