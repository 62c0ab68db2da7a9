import { NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { canonicalJson } from './canonical-json';
import { EventIdConflictReason } from './errors';
import { ExpectedRevision } from './expected-revision';
import { jsonCopy, PreparedEvent } from './prepare-append';

/** An append as an adapter is about to make it. */
export interface AppendAttempt {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  /** The events as `prepareAppend` made them: ids lower-cased, data and actor through the JSON round trip. */
  readonly prepared: readonly PreparedEvent[];
  /** The same events as the writer gave them, which say whether it named a correlation id. */
  readonly given: readonly NewEvent[];
}

/** How an append's event ids relate to what is stored already. */
export type EarlierAppend =
  | { readonly kind: 'none' }
  | { readonly kind: 'same'; readonly events: readonly RecordedEvent[] }
  | { readonly kind: 'conflict'; readonly reason: EventIdConflictReason; readonly eventIds: readonly string[] };

/**
 * Decides whether an append is a retry of one already stored. It is when every event id is
 * stored in this stream, in the same order, at the revisions right after the expected one, and
 * every event says the same as the stored one (see {@link sameContent}); then the store answers
 * like the first time and writes nothing. The same ids with other content, or any other overlap,
 * conflict: the caller must never believe that a payload was written when another one was.
 *
 * @param found the stored events (raw) whose ids are among the attempt's, in any order.
 */
export function findEarlierAppend(attempt: AppendAttempt, found: readonly RecordedEvent[]): EarlierAppend {
  if (found.length === 0) return { kind: 'none' };
  const byId = new Map(found.map((event) => [event.eventId, event]));
  const ordered = attempt.prepared.map((event) => byId.get(event.eventId));
  const first = ordered[0];
  const sameAppend =
    first !== undefined &&
    startsAfter(attempt.expected, first.revision) &&
    ordered.every((event, index) => event?.streamId === attempt.streamId && event.revision === first.revision + index);
  if (!sameAppend) return { kind: 'conflict', reason: 'another-append', eventIds: found.map((event) => event.eventId) };
  const stored = ordered as RecordedEvent[];
  const differing = attempt.prepared.filter((event, index) => !sameContent(event, attempt.given[index], stored[index]));
  if (differing.length > 0) return { kind: 'conflict', reason: 'different-content', eventIds: differing.map((event) => event.eventId) };
  return { kind: 'same', events: stored };
}

/**
 * Whether a re-appended event says what the stored one says: the same type, schemaVersion, data,
 * actor and causationId, and the same correlationId when the writer names one (when it does not,
 * the store chose one at random the first time, which no retry can repeat). What the store
 * stamps (recordedAt, revision, position, prevHash, hash) does not count. Both sides are compared
 * as canonical JSON after the JSON round trip, so key order and a `Date` against its ISO string
 * make no difference.
 */
export function sameContent(prepared: PreparedEvent, given: NewEvent, stored: RecordedEvent): boolean {
  const namesCorrelation = given.metadata.correlationId !== undefined;
  return contentOf(prepared, namesCorrelation) === contentOf(stored, namesCorrelation);
}

function contentOf(event: PreparedEvent | RecordedEvent, withCorrelation: boolean): string {
  const { actor, causationId, correlationId } = event.metadata;
  return canonicalJson({
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: jsonCopy(event.data),
    actor: jsonCopy(actor),
    causationId: causationId ?? null,
    ...(withCorrelation && { correlationId }),
  });
}

function startsAfter(expected: ExpectedRevision, firstRevision: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return firstRevision === 0;
  if (expected === 'stream-exists') return firstRevision >= 1;
  return firstRevision === expected + 1;
}
