import { describeRevision, ExpectedRevision, StreamRevision } from './expected-revision';

/** The stream's head is not where the writer expected it: nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name: string = 'WrongExpectedRevisionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision,
  ) {
    super(
      `Stream ${streamId}: expected revision ${describeRevision(expected)}, actual ${describeRevision(actual)}`,
    );
  }
}

/**
 * Why stored event ids refuse an append: `another-append` when they overlap a different write
 * (another stream, other revisions, only some of the ids), `different-content` when the same
 * append is made again with another type, schemaVersion, data or metadata.
 */
export type EventIdConflictReason = 'another-append' | 'different-content';

/**
 * Some of the event ids of an append are already stored, but not as the same append: a retry
 * that overlaps a different write, or says something else than the first time. Nothing was written.
 */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
    readonly reason: EventIdConflictReason = 'another-append',
  ) {
    super(
      reason === 'different-content'
        ? `Stream ${streamId}: event ids already stored with other content: ${eventIds.join(', ')}`
        : `Stream ${streamId}: event ids already stored by another append: ${eventIds.join(', ')}`,
    );
  }
}

/**
 * The event store cannot be reached, or the connection ended before its answer came. Callers
 * answer 503. An append that fails so may have been stored all the same (the commit came before
 * the cut): retry it with the same event ids, which answers with the stored events
 * (docs/reliability.md).
 */
export class EventStoreUnavailableError extends Error {
  override readonly name: string = 'EventStoreUnavailableError';

  constructor(cause: unknown, message = 'The event store is unavailable') {
    super(message, { cause });
  }
}

/**
 * The event store is up but this process has no connection to spare: too many requests wait
 * for one already, or one waited its whole acquire timeout. Callers answer 503 (`overloaded`)
 * with `Retry-After`; nothing was written.
 */
export class EventStoreOverloadedError extends EventStoreUnavailableError {
  override readonly name: string = 'EventStoreOverloadedError';

  constructor(cause: unknown) {
    super(cause, 'The event store is overloaded: no connection became free in time');
  }
}

/**
 * An append with expected revision `'any'` lost the race for the stream's next revision on every
 * one of its tries (other writers kept getting there first). Nothing was written; the caller may
 * try again later.
 */
export class StreamContentionError extends WrongExpectedRevisionError {
  override readonly name: string = 'StreamContentionError';

  constructor(
    streamId: string,
    readonly attempts: number,
  ) {
    super(streamId, 'any', null);
    this.message = `Stream ${streamId}: an append with expected revision any lost the race for the next revision ${attempts} times`;
  }
}

/**
 * The database was restored from a logical dump into another PostgreSQL cluster and positions
 * have not been moved above the restored head yet (docs/decisions.md, 20): the store refuses to
 * append or read until the operator runs the restore step the message names. Callers answer 503.
 */
export class EventStoreRestoreRequiredError extends EventStoreUnavailableError {
  override readonly name = 'EventStoreRestoreRequiredError';

  constructor(cause: Error) {
    super(cause);
    this.message = cause.message;
  }
}
