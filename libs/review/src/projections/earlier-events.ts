import type { RecordedEvent } from '@ree/shared-kernel';
import type { FlagPolicy } from '../flags';
import type { TimelineEntry } from '../review-document/review-document';
import { foldReview } from '../review-document/review-document.fold';
import type { Review } from '../review-document/review';

/** Two timelines, each in global order, as one. */
function merged(own: readonly TimelineEntry[], earlier: readonly TimelineEntry[]): TimelineEntry[] {
  const result: TimelineEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < earlier.length) {
    const takeOwn = j >= earlier.length || (i < own.length && BigInt(own[i].position) < BigInt(earlier[j].position));
    result.push(takeOwn ? own[i++] : earlier[j++]);
  }
  return result;
}

/**
 * The review as the pure fold would have it had it seen `earlier` (in global order, all before
 * the next event to fold) among the events it did see: the events of a licence or a mine that
 * come before the consignment joins that stream (by attaching the licence, by naming the mine in
 * a source). What such events do to the document is their timeline entries and, for a mine's
 * draws, the draws' state. They touch no stage but `mining`, which the joining source's
 * declaration touches again right after; no flag, since the flag rules read the attached licence
 * only, from the attach on. The licence's state is handed over separately.
 */
export function withEarlierEvents(review: Review, earlier: readonly RecordedEvent[], policy: FlagPolicy): Review {
  if (earlier.length === 0) return review;
  const seen = foldReview(earlier, review.document.consignmentId, policy);
  const timeline = merged(review.document.timeline, seen.document.timeline);
  return {
    ...review,
    draws: { ...seen.draws, ...review.draws },
    document: { ...review.document, timeline, lastPosition: timeline.length === 0 ? review.document.lastPosition : timeline[timeline.length - 1].position },
  };
}
