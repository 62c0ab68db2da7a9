import { describeRevision, ExpectedRevision, StreamRevision } from './expected-revision';

/** The stream's head is not where the writer expected it: nothing was written. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';

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

/**
 * The event store cannot be reached, or the connection ended before its answer came. Callers
 * answer 503. An append that fails so may have been stored all the same (the commit came before
 * the cut): retry it with the same event ids, which answers with the stored events
 * (docs/reliability.md).
 */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';

  constructor(cause: unknown) {
    super('The event store is unavailable', { cause });
  }
}
