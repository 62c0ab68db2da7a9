import type { RecordedEvent } from '@ree/shared-kernel';
import { MalformedEvent } from './malformed-event';
import { evolveReview, type FlagPolicy, initialReview, type ReviewDocument, STAGE_NAMES, type StageName, type StageStatus } from '@ree/review';

/** What the review document said right after one event of a history. */
export interface HistoryStep {
  readonly position: string;
  readonly status: string | null;
  readonly stages: Readonly<Record<StageName, StageStatus>>;
  /** The timeline's line for the event; null for one the timeline leaves out (a mine's registration and quotas, another consignment's draw). */
  readonly summary: string | null;
}

export interface FoldedHistory {
  /** `steps[i]` is the state after `events[i]`. */
  readonly steps: readonly HistoryStep[];
  /** The document after the last event: `reviewAsOf` of the same events. */
  readonly state: ReviewDocument;
}

/**
 * Folds a history (in global order) event by event with the review's own fold and the
 * deployment's flag policy (the projection's), keeping the status and the stage statuses after
 * each step, so that a replay shows what a reviewer would have seen then without folding anything
 * itself. An event the fold cannot take (its data edited by hand into another shape) is a
 * {@link MalformedEvent} naming it.
 */
export function foldHistory(events: readonly RecordedEvent[], consignmentId: string, policy: FlagPolicy): FoldedHistory {
  let review = initialReview(consignmentId);
  const steps = events.map((event) => {
    try {
      review = evolveReview(review, event, policy);
    } catch {
      throw new MalformedEvent(consignmentId, event, 'the review fold cannot take its data');
    }
    const { status, stages, timeline } = review.document;
    const entry = timeline.at(-1);
    return {
      position: event.position,
      status,
      stages: Object.fromEntries(STAGE_NAMES.map((stage) => [stage, stages[stage].status])) as Record<StageName, StageStatus>,
      summary: entry?.position === event.position ? entry.summary : null,
    };
  });
  return { steps, state: review.document };
}
