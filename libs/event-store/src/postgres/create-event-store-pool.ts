import { Pool } from 'pg';
import { BoundedPool } from './bounded-pool';
import { pgSessionOptions, SessionSettings } from './session-settings';

export interface EventStorePoolOptions extends Partial<SessionSettings> {
  readonly max?: number;
  /** Requests that may wait for a connection; one more is refused with `PoolOverloadedError`. Default 1,000. */
  readonly queueLimit?: number;
  /** The longest a request waits for a connection. Default 10,000 ms. */
  readonly acquireTimeoutMs?: number;
  /** The longest the handshake of a new connection may take. Default 5,000 ms. */
  readonly connectTimeoutMs?: number;
}

/**
 * A pg pool for the event store and read models. Every connection carries the session settings
 * (`application_name`, `statement_timeout`, `idle_in_transaction_session_timeout`; see
 * {@link SessionSettings}), because one forgotten open transaction holds back every reader of
 * the global order (see docs/event-store.md, "Global order"). Waiters stand in a bounded queue
 * ({@link BoundedPool}). Errors of idle clients are swallowed here (pg removes the broken client)
 * instead of crashing the process; the next query reports the outage.
 */
export function createEventStorePool(connectionString: string, options: EventStorePoolOptions = {}): Pool {
  const pool = new BoundedPool({
    connectionString,
    max: options.max ?? 10,
    ...pgSessionOptions(options),
    queueLimit: options.queueLimit,
    acquireTimeoutMs: options.acquireTimeoutMs,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  pool.on('error', () => undefined);
  return pool;
}
