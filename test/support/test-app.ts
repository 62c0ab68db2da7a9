import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ReadModelPositions } from '@ree/event-store';
import { Role, signDevelopmentToken } from '@ree/platform/auth';
import { AppConfig, loadConfig } from '@ree/platform/config';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api.module';
import { createWorkerApp } from '../../apps/worker/src/worker.module';

/** The real API and worker, in this process, on the test database and the local Redis. */
export interface TestApp {
  readonly config: AppConfig;
  readonly api: INestApplication;
  /** A supertest agent on the API's HTTP server. */
  http(): ReturnType<typeof request>;
  /** A development token for a role (exporters get an organisation). */
  token(role: Role, org?: string, sub?: string): string;
  /** Resolves once every read model has caught up with a command's position; fails after 60 s. */
  waitForPosition(position: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    // Reads after a write wait for the read models as long as a busy machine may need: a test that
    // got a stale answer would fail on the machine's speed, not on the product.
    READ_YOUR_WRITES_TIMEOUT_MS: '60000',
    ...env,
  });
  const worker: INestApplicationContext = await createWorkerApp({ config });
  const api = await createApiApp({ config });
  await api.init();
  const positions = api.get(ReadModelPositions);
  return {
    config,
    api,
    http: () => request(api.getHttpServer()),
    token: (role, org, sub) =>
      signDevelopmentToken({ role, org: org ?? (role === 'exporter' ? 'org-test' : undefined), sub }, config),
    async waitForPosition(position) {
      if (!(await positions.waitFor(position, 60_000))) {
        throw new Error(`The read models did not reach position ${position} within 60 s`);
      }
    },
    async close() {
      await api.close();
      await worker.close();
    },
  };
}
