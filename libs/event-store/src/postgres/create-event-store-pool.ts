import { Pool } from 'pg';

export interface EventStorePoolOptions {
  readonly max?: number;
  readonly applicationName?: string;
  /** Ends a session that sits idle inside a transaction; default 60 s. */
  readonly idleInTransactionTimeoutMs?: number;
  /** Default 30 s: long enough for a large catch-up batch, short for a stuck OLTP statement. */
  readonly statementTimeoutMs?: number;
}

/**
 * A pg pool for the event store and read models. Every connection has
 * `idle_in_transaction_session_timeout` set, because one forgotten open transaction holds back
 * every reader of the global order (see the README, "Global order"). Errors of idle clients are
 * swallowed here (pg removes the broken client) instead of crashing the process; the next query
 * reports the outage.
 */
export function createEventStorePool(connectionString: string, options: EventStorePoolOptions = {}): Pool {
  const pool = new Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'ree-event-store',
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', () => undefined);
  return pool;
}
