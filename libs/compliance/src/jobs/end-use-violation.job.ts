import { consignmentStream, END_USE_CHECK_RECORDED, EndUseCheckOutcome } from '@ree/consignment';
import type { ReactorRoute } from '@ree/platform/jobs';
import type { Actor, RecordedEvent } from '@ree/shared-kernel';

/** The queue of the end-use violations: one job per failed end-use check, run at once. */
export const END_USE_VIOLATION_QUEUE = 'review.end-use-violation';

/** The checkpoint name of the reactor that enqueues them. */
export const END_USE_VIOLATION_REACTOR = 'reactor.review.end-use-violation';

/** The job's name on the queue. */
export const SUSPEND_AFTER_VIOLATION_JOB = 'suspend-licence';

/** The worker's own actor for the `LicenceSuspended` it appends (docs/domain.md, "Roles": `system`, never a person). */
export const END_USE_VIOLATION_ACTOR: Actor = { sub: END_USE_VIOLATION_QUEUE, role: 'system' };

/** The outcomes that `END_USE_VIOLATION` (docs/domain.md, "Red flags") answers with the licence's suspension. */
export const VIOLATING_OUTCOMES: readonly EndUseCheckOutcome[] = ['not-verified', 'diverted'];

/** A failed end-use check: the consignment's licence is to be suspended. */
export interface EndUseViolationJob {
  readonly consignmentId: string;
  readonly checkedOn: string;
  readonly outcome: EndUseCheckOutcome;
  readonly notes: string;
}

/** Every end-use check that found `not-verified` or `diverted` becomes a job at once; a verified one none. */
export function endUseViolationRoute(): ReactorRoute {
  return {
    queue: END_USE_VIOLATION_QUEUE,
    eventTypes: [END_USE_CHECK_RECORDED],
    job: (event: RecordedEvent) => {
      if (!consignmentStream.holds(event) || event.type !== END_USE_CHECK_RECORDED) return undefined;
      const { checkedOn, outcome, notes } = event.data;
      if (!VIOLATING_OUTCOMES.includes(outcome)) return undefined;
      const data: EndUseViolationJob = { consignmentId: consignmentStream.entityIdOf(event.streamId), checkedOn, outcome, notes };
      return { name: SUSPEND_AFTER_VIOLATION_JOB, data: { ...data } };
    },
  };
}

/** The suspension's reason: what was found, where and when, so that the officer who reviews it need not look further. */
export function endUseViolationReason(job: EndUseViolationJob): string {
  const found = `End-use violation: the check of consignment ${job.consignmentId} on ${job.checkedOn} found the end use ${job.outcome}`;
  return job.notes.trim() === '' ? found : `${found} (${job.notes.trim()})`;
}
