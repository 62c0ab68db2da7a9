import { consignmentIdOf, consignmentStream } from '@ree/consignment/domain';
import { licenceStream } from '@ree/licensing/domain';
import { mineStream } from '@ree/registry/domain';
import type { RecordedEvent } from '@ree/shared-kernel';
import { DEFAULT_FLAG_POLICY, evaluateEventFlags, type FlagPolicy } from '../flags';
import { applyConsignmentEvent } from './consignment-events';
import { withDerivedParts } from './derived';
import { withDerivedFlags } from './flag-entries';
import { applyLicenceEvent, licenceEventConcerns } from './licence-events';
import { applyMineEvent } from './mine-events';
import type { ReviewDocument } from './review-document';
import { ignored, initialReview, type Applied, type Review } from './review';
import { withStageStatuses } from './stages';
import { summarise } from './timeline-summary';

function apply(review: Review, event: RecordedEvent): Applied {
  if (consignmentStream.isStream(event.streamId)) {
    const consignmentId = consignmentIdOf(event.streamId);
    if (review.document.consignmentId !== null && review.document.consignmentId !== consignmentId) return ignored(review);
    const named = { ...review, document: { ...review.document, consignmentId } };
    // A type this version does not declare (a newer writer's) enters the timeline by its name and changes nothing.
    return consignmentStream.holds(event) ? applyConsignmentEvent(named, event) : { review: named, concerns: true, stage: null };
  }
  if (licenceStream.isStream(event.streamId)) {
    return licenceStream.holds(event) ? applyLicenceEvent(review, event) : { review, concerns: licenceEventConcerns(review, event), stage: null };
  }
  if (mineStream.holds(event)) return applyMineEvent(review, event);
  return ignored(review);
}

/**
 * Folds one event of the consignment's stream or of a stream it drew on (its licence, its mines)
 * into the review. Pure: the time is the event's `recordedAt`, the actor its metadata's. Events
 * that do not concern the consignment leave the document as it was (a licence's allocation for
 * another consignment still moves the licence's remaining quantity). After each event that does,
 * the event-based red flags are evaluated with `policy` and opened, restated or cleared at the
 * event's `recordedAt`.
 */
export function evolveReview(review: Review, event: RecordedEvent, policy: FlagPolicy = DEFAULT_FLAG_POLICY): Review {
  const { review: next, concerns, stage } = apply(review, event);
  if (!concerns) return { ...next, document: withStageStatuses(withDerivedParts(next)) };
  const actor = event.metadata.actor;
  const entry = { position: event.position, streamId: event.streamId, revision: event.revision, type: event.type, at: event.recordedAt, actor, summary: summarise(event) };
  const stages = stage === null ? next.document.stages : { ...next.document.stages, [stage]: { ...next.document.stages[stage], at: event.recordedAt, by: actor } };
  const flags = withDerivedFlags(next.document.flags, evaluateEventFlags(next.flagState, policy), event.recordedAt);
  const document = { ...next.document, stages, flags, timeline: [...next.document.timeline, entry], lastPosition: event.position };
  return { ...next, document: withStageStatuses(withDerivedParts({ ...next, document })) };
}

/** The review after `events`, which must be in global order. */
export const foldReview = (
  events: readonly RecordedEvent[],
  consignmentId: string | null = null,
  policy: FlagPolicy = DEFAULT_FLAG_POLICY,
): Review => events.reduce((review, event) => evolveReview(review, event, policy), initialReview(consignmentId));

/** The review document (docs/api.md, "The whole-process review") of the consignment after `events` (in global order). */
export const reviewDocument = (
  events: readonly RecordedEvent[],
  consignmentId: string | null = null,
  policy: FlagPolicy = DEFAULT_FLAG_POLICY,
): ReviewDocument => foldReview(events, consignmentId, policy).document;
