/**
 * What every PostgreSQL session the product opens tells the server about itself. One forgotten
 * open transaction holds back every reader of the global order (docs/decisions.md, 1), and a
 * stuck statement holds a connection that a burst needs: the server ends both. The application
 * name shows in `pg_stat_activity`, so that the horizon report and an operator can tell which
 * process (and which of its pools) holds a session.
 */
export interface SessionSettings {
  readonly applicationName: string;
  /** `statement_timeout`; 0 turns it off. */
  readonly statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout`; 0 turns it off. */
  readonly idleInTransactionTimeoutMs: number;
}

/** Defaults for a session nobody configured: long enough for a large catch-up batch, short for a stuck statement. */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  applicationName: 'ree-event-store',
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

/** The settings as pg's client (and pool) options: sent in the startup packet, so they hold from the first statement. */
export function pgSessionOptions(settings: Partial<SessionSettings> = {}): {
  application_name: string;
  statement_timeout: number;
  idle_in_transaction_session_timeout: number;
} {
  const { applicationName, statementTimeoutMs, idleInTransactionTimeoutMs } = { ...DEFAULT_SESSION_SETTINGS, ...definedOnly(settings) };
  return {
    application_name: applicationName,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
