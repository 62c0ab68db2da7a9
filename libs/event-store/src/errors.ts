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
 * Some of the event ids of an append are already stored, but not as the same append:
 * a retry that overlaps a different write. Nothing was written.
 */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Stream ${streamId}: event ids already stored by another append: ${eventIds.join(', ')}`);
  }
}

/** The event store cannot be reached. Callers answer 503; nothing was written. */
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
