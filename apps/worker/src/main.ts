import { checkAnchorKey } from '@ree/audit';
import { preflight } from '@ree/platform';
import { Logger } from 'nestjs-pino';

/**
 * Starts the worker after the same checks as the API, and one of Redis's settings (the jobs need
 * `maxmemory-policy noeviction`); SIGTERM or SIGINT stop it cleanly.
 */
async function main(): Promise<void> {
  const config = await preflight(process.env, [checkAnchorKey], { redisForJobs: true });
  // Loaded only once the checks pass, so that a failed start is quick.
  const { createWorkerApp } = await import('./worker.module');
  const app = await createWorkerApp({ config });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  app.get(Logger).log('Worker started: projections follow the event store', 'Main');
}

main().catch((error: unknown) => {
  process.stderr.write(`The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
