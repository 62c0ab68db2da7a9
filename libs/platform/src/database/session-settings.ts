import type { SessionSettings } from '@ree/event-store';
import type { AppConfig } from '../config/app-config';
import { applicationNameOf } from '../config/database-config';

/**
 * The session settings of one pool of a process: `ree-api` for TypeORM's, `ree-api-events` for
 * the event store's, `ree-api-listen` for LISTEN, `ree-worker-locks` for the projector's locks,
 * so that `pg_stat_activity` (and the horizon report) tells which pool of which process a session is.
 */
export function sessionSettingsOf(config: AppConfig, role: string, pool?: string): SessionSettings {
  const name = applicationNameOf(config.database, role);
  return {
    applicationName: pool ? `${name}-${pool}` : name,
    statementTimeoutMs: config.database.statementTimeoutMs,
    idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
  };
}
