import type { RecordedEvent } from '@ree/event-store';
import type { FlagPolicy } from '../flags';
import type { TimelineEntry } from '../review-document/review-document';
import { foldReview } from '../review-document/review-document.fold';
import type { Review } from '../review-document/review';

const LICENCE_ATTACHED = 'LicenceAttached';

/** Where the consignment attached a licence, if it did: from then on another licence's events no longer concern it. */
function attachedAt(review: Review): bigint | null {
  if (review.consignment.licence === null) return null;
  const entry = review.document.timeline.findLast((item) => item.type === LICENCE_ATTACHED && item.streamId.startsWith('consignment-'));
  return entry === undefined ? null : BigInt(entry.position);
}

/** Two timelines, each in global order, as one. */
function merged(own: readonly TimelineEntry[], joined: readonly TimelineEntry[]): TimelineEntry[] {
  const result: TimelineEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < joined.length) {
    const takeOwn = j >= joined.length || (i < own.length && BigInt(own[i].position) < BigInt(joined[j].position));
    result.push(takeOwn ? own[i++] : joined[j++]);
  }
  return result;
}

/**
 * The review as the pure fold would have it had it seen a licence's earlier events, which the
 * projection hands to a consignment only once the consignment joins the licence (its allocation
 * or its attach). Those events, the licence's application, screenings and decisions, name no
 * consignment and come before any attach, so what they did to the document is their timeline
 * entries: no stage, no flag (the flag rules read the attached licence only), and the licence's
 * state is handed over separately. `history` is the licence's events that name no consignment;
 * those before `before` (the joining event) and before any other licence's attach are merged in.
 */
export function withLicenceHistory(review: Review, history: readonly RecordedEvent[], before: string, policy: FlagPolicy): Review {
  const attached = attachedAt(review);
  const limit = attached !== null && attached < BigInt(before) ? attached : BigInt(before);
  const earlier = history.filter((event) => BigInt(event.position) < limit);
  if (earlier.length === 0) return review;
  const joined = foldReview(earlier, review.document.consignmentId, policy).document.timeline;
  const timeline = merged(review.document.timeline, joined);
  return { ...review, document: { ...review.document, timeline, lastPosition: timeline[timeline.length - 1].position } };
}
