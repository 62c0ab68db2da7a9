/**
 * The worker of `worker-crash.int-spec.ts`, as a process of its own so that the test can kill it
 * with SIGKILL: a projector over one blue/green projection (`CRASH_PROJECTION` in schema
 * `CRASH_SCHEMA`, events of type `CRASH_EVENT_TYPE`) that starts, rebuilds it and stops. It
 * loads its code at once but starts only when it reads `go` on stdin, so that the test can have
 * the next worker loaded while it kills this one. It writes `ready` once the projection is active
 * here, `phase <phase> <eventsProcessed>` at each progress report, and `rebuilt` at the end;
 * anything that goes wrong ends it with code 1.
 */
import { createEventStorePool, PostgresEventStore, Projector } from '@ree/event-store';
import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../../../infra/data-source';
import { BlueGreenRowsProjection } from '@ree/event-store/testing/blue-green-projection';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const url = required('DATABASE_URL');
  const projection = new BlueGreenRowsProjection(required('CRASH_PROJECTION'), required('CRASH_SCHEMA'), required('CRASH_EVENT_TYPE'));
  const dataSource = await new DataSource({ ...dataSourceOptions(url), migrations: [] } as DataSourceOptions).initialize();
  const pool = createEventStorePool(url, { max: 4, applicationName: 'worker-crash-child' });
  const store = new PostgresEventStore({ pool, pollIntervalMs: 20 });
  const projector = new Projector({
    store,
    dataSource,
    projections: [projection],
    batchSize: 25,
    // The replay in batches as small as the live ones, so that the kills land at many points of it.
    rebuildBatchSize: 25,
    lockIntervalMs: 20,
    progressIntervalMs: 10,
    switchLockTimeoutMs: 200,
    logger: { log: () => undefined, warn: (message) => process.stderr.write(`${message}\n`), error: (message) => process.stderr.write(`${message}\n`) },
  });
  await projector.start();
  for (let waited = 0; (await projector.status())[0].state !== 'running'; waited += 10) {
    if (waited % 2_000 === 0 && waited > 0) process.stderr.write(`still ${(await projector.status())[0].state} after ${waited} ms\n`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process.stdout.write('ready\n');
  await projector.rebuild(projection.name, {
    onProgress: ({ phase, eventsProcessed }) => void process.stdout.write(`phase ${phase} ${eventsProcessed}\n`),
  });
  process.stdout.write('rebuilt\n');
  await projector.stop();
  await store.close();
  await pool.end();
  await dataSource.destroy();
}

/** Waits for `go`; a test that ended without sending it closes stdin, and the worker leaves. */
function toldToGo(): Promise<void> {
  return new Promise((resolve) => {
    let input = '';
    process.stdin.on('end', () => {
      if (!input.includes('go\n')) process.exit(0);
    });
    process.stdin.on('data', (chunk: Buffer) => {
      input += chunk.toString();
      if (!input.includes('go\n')) return;
      process.stdin.destroy();
      resolve();
    });
  });
}

toldToGo()
  .then(main)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
