import { consignmentStream } from '@ree/consignment/domain';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { FlagPolicy } from '../flags';
import type { ReviewDocument } from './review-document';
import { reviewDocument } from './review-document.fold';

/** How far back to look: an instant, a revision of the consignment's stream, or both (the earlier wins). */
export interface ReviewAsOfOptions {
  /** ISO 8601 instant: only what had been recorded by then, inclusive. */
  readonly asOf?: string;
  /** Only what had been recorded up to this revision of the consignment's stream, inclusive. */
  readonly untilRevision?: number;
  readonly consignmentId?: string;
  /** The red-flag thresholds; DEFAULT_FLAG_POLICY unless given. */
  readonly policy?: FlagPolicy;
}

const byPosition = (a: RecordedEvent, b: RecordedEvent): number => {
  const difference = BigInt(a.position) - BigInt(b.position);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
};

/**
 * The position of the consignment's event at `untilRevision`: what the other streams recorded
 * after it (say, the next command's reservation on the licence) had not happened yet.
 */
function cutOff(events: readonly RecordedEvent[], untilRevision: number | undefined): bigint | null {
  if (untilRevision === undefined) return null;
  const reached = events.filter((event) => consignmentStream.isStream(event.streamId) && event.revision <= untilRevision);
  const last = reached[reached.length - 1];
  return last === undefined ? -1n : BigInt(last.position);
}

/**
 * The events recorded within the limits of `options`, in global order: exactly what
 * {@link reviewAsOf} folds, so that the audit's history, which lists them, agrees with the
 * document it shows beside them.
 */
export function recordedAsOf(events: readonly RecordedEvent[], options: Pick<ReviewAsOfOptions, 'asOf' | 'untilRevision'> = {}): RecordedEvent[] {
  const ordered = [...events].sort(byPosition);
  const limit = cutOff(ordered, options.untilRevision);
  const asOf = options.asOf === undefined ? null : Date.parse(options.asOf);
  return ordered.filter(
    (event) => (limit === null || BigInt(event.position) <= limit) && (asOf === null || Date.parse(event.recordedAt) <= asOf),
  );
}

/**
 * The review document as it stood at an earlier point: the same fold, over only what had been
 * recorded by then, so its flags are those open then (one cleared later shows `clearedAt: null`).
 * The audit's history endpoint shows this beside each event.
 */
export function reviewAsOf(events: readonly RecordedEvent[], options: ReviewAsOfOptions = {}): ReviewDocument {
  return reviewDocument(recordedAsOf(events, options), options.consignmentId ?? null, options.policy);
}
