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
    },
  } as TypeOrmModuleOptions;
}
