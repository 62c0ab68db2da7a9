import { AppConfig, loadConfig } from '@ree/platform/config';

/** The configuration end-to-end tests run with: the test database, plus any overrides. */
export function testConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    ...overrides,
  });
}
