import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { BoundedPool, pgSessionOptions } from '@ree/event-store';
import pg from 'pg';
import type { AppConfig } from '../config/app-config';
import { sessionSettingsOf } from './session-settings';

/**
 * Read-model pool size. On 2 cores a handful of connections keeps PostgreSQL busy; more only
 * queue inside the server. The event store has its own pool (see `EVENT_STORE_POOL_MAX`).
 */
export const READ_MODEL_POOL_MAX = 10;

/**
 * pg as TypeORM should load it, with a Pool whose waiters stand in a bounded queue
 * (`BoundedPool`): TypeORM takes its `Pool` from the driver object it is given.
 */
const BOUNDED_PG: typeof pg = Object.create(pg, { Pool: { value: BoundedPool } });

/**
/**
 * pg-pool takes its error listener off a client when it hands the client out, and TypeORM puts
 * its own on only a microtask later. An error in between (a backend terminated just as it
 * connected, so that one read brings both its ReadyForQuery and its FATAL message) would be an
 * 'error' event without a listener, which ends the process: found by the fault tests
 * (docs/reliability.md). Each client keeps this listener for its life; errors still reach the
 * query under way, TypeORM and the pool as before. Passed as pg-pool's `onConnect`.
 */
export function keepClientErrorsHandled(client: { on(event: 'error', listener: (error: Error) => void): unknown }): void {
  client.on('error', () => undefined);
}

/**
 * TypeORM's root options: migrations only ever run from `npm run migrate` (infra/data-source.ts),
 * never at start, so the processes neither load nor run them. Its sessions carry the process's
 * session settings (`extra` is handed to pg as pool options) and queue for a connection like the
 * event store's.
 */
export function typeOrmOptions(config: AppConfig, role: 'api' | 'worker'): TypeOrmModuleOptions {
  const session = sessionSettingsOf(config, role);
  return {
    type: 'postgres',
    url: config.databaseUrl,
    autoLoadEntities: true,
    synchronize: false,
    migrationsRun: false,
    applicationName: session.applicationName,
    driver: BOUNDED_PG,
    extra: {
      max: READ_MODEL_POOL_MAX,
      ...pgSessionOptions(session),
      connectionTimeoutMillis: config.database.connectTimeoutMs,
      queueLimit: config.database.poolQueueLimit,
      acquireTimeoutMs: config.database.poolAcquireTimeoutMs,
      onConnect: keepClientErrorsHandled,
    },
  } as TypeOrmModuleOptions;
}
