import { EventStoreOverloadedError, EventStoreUnavailableError, PoolOverloadedError } from '@ree/event-store';

/** Node socket errors that mean a database or Redis cannot be reached at all. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL SQLSTATEs of a server that is going away or refusing work: class 08 (connection
 * exception), 57P01–57P03 (shutdown, crash, cannot connect now) and 53300 (too many connections).
 */
const POSTGRES_CODE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;

/**
 * TypeORM's errors for a transaction whose connection went away under it: PostgreSQL ended the
 * backend (the pg client's 'error' releases the query runner), and the transaction's next query
 * finds it released.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** Messages of pg-pool and ioredis that carry no code. */
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection is closed/i,
  /Client has encountered a connection error/i,
  /max retries per request/i,
];

/**
 * Whether an error means a backing service (event store, PostgreSQL, Redis) is unavailable rather
 * than that the request was wrong: such errors are answered 503 with Retry-After. Looks through
 * TypeORM's `driverError`, `cause` chains and AggregateErrors (a refused IPv4 and IPv6 connect).
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (error instanceof EventStoreUnavailableError) return true;
  const candidate = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : undefined;
  if (code && (NETWORK_CODES.has(code) || POSTGRES_CODE.test(code))) return true;
  if (candidate.name === 'MaxRetriesPerRequestError') return true;
  if (typeof candidate.name === 'string' && RELEASED_RUNNER.has(candidate.name)) return true;
  if (typeof candidate.message === 'string' && MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
  const nested = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? candidate.errors : [])];
  return nested.some((inner) => isUnavailable(inner, depth + 1));
}

/**
 * Whether an error means this process is overloaded rather than a service down: a pool refused
 * the request a connection (its queue was full, or the request waited its whole acquire timeout).
 * Checked before {@link isUnavailable}, which would also count it as unavailable.
 */
export function isOverloaded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (error instanceof EventStoreOverloadedError || error instanceof PoolOverloadedError) return true;
  const candidate = error as { driverError?: unknown; cause?: unknown };
  return [candidate.driverError, candidate.cause].some((inner) => isOverloaded(inner, depth + 1));
}
