import { checkAnchorKey } from '@ree/audit';
import { preflight } from '@ree/platform';
import { Logger } from 'nestjs-pino';

/**
 * Starts the API. The configuration and the services are checked before the application is
 * built, so a wrong setting or a stopped service ends the start with one line, not a stack trace.
 */
async function main(): Promise<void> {
  const config = await preflight(process.env, [checkAnchorKey]);
  // Loaded only once the checks pass, so that a failed start is quick.
  const { createApiApp } = await import('./api.module');
  const app = await createApiApp({ config });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen(config.port);
  app.get(Logger).log(`API listening on port ${config.port} (probes: /health/live, /health/ready; docs: /api/docs)`, 'Main');
}

main().catch((error: unknown) => {
  process.stderr.write(`The API could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
