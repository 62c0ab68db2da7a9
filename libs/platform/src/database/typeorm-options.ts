import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { dataSourceOptions } from '../../../../infra/data-source';
import type { AppConfig } from '../config/app-config';

/**
 * Read-model pool size. On 2 cores a handful of connections keeps PostgreSQL busy; more only
 * queue inside the server. The event store has its own pool (see `EVENT_STORE_POOL_MAX`).
 */
export const READ_MODEL_POOL_MAX = 10;

/**
 * A session left idle inside a transaction holds back every catch-up reader of the event store
 * (STACK.md): PostgreSQL ends such a session after this long.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

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

/** TypeORM's root options: migrations only ever run from `npm run migrate`, never at start. */
export function typeOrmOptions(config: AppConfig, role: 'api' | 'worker'): TypeOrmModuleOptions {
  return {
    ...dataSourceOptions(config.databaseUrl),
    autoLoadEntities: true,
    synchronize: false,
    migrationsRun: false,
    applicationName: `ree-${role}`,
    extra: {
      max: READ_MODEL_POOL_MAX,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      connectionTimeoutMillis: 5_000,
      onConnect: keepClientErrorsHandled,
    },
  } as TypeOrmModuleOptions;
}
