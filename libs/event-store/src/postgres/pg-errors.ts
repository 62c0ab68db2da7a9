import { DatabaseError } from 'pg';
import { EventStoreOverloadedError, EventStoreRestoreRequiredError, EventStoreUnavailableError } from '../errors';
import { PoolOverloadedError } from './admission';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH']);
// SQLSTATE 08xxx connection exceptions, 57P01-57P03 shutdown or not yet accepting, 53300 too many connections.
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300)$/;

/** True when the error says the database could not be reached or dropped the connection. */
export function isConnectionError(error: unknown): boolean {
  // Duck-typed: socket errors come from Node's own realm, where `instanceof Error` can fail (Jest).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
      message,
    )
  );
}

/** SQLSTATE of `event_store.position_base()` on a cluster the store was restored into but not moved on. */
const RESTORE_REQUIRED = 'RE001';

/** True when the database refused because positions have not been moved past a restored head. */
export function isRestoreRequired(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError && error.code === RESTORE_REQUIRED;
}

/** The unique constraint that an INSERT violated, if that is what failed. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  return error instanceof DatabaseError && error.code === '23505' ? error.constraint : undefined;
}

export const STREAM_REVISION_UNIQUE = 'events_stream_revision_unique';
export const EVENT_ID_UNIQUE = 'events_event_id_unique';

/**
 * Runs `work` against PostgreSQL and answers its failures in the port's terms: a cluster that
 * needs `npm run restore:positions`, a full admission queue and a lost connection become the
 * event store's errors; anything else (a unique violation, a bug) propagates as it is.
 */
export async function inPortTerms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isRestoreRequired(error)) throw new EventStoreRestoreRequiredError(error);
    if (error instanceof PoolOverloadedError) throw new EventStoreOverloadedError(error);
    throw isConnectionError(error) ? new EventStoreUnavailableError(error) : error;
  }
}
