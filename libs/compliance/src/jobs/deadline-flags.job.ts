import { consignmentStream, SHIPMENT_ARRIVED, SHIPMENT_DEPARTED } from '@ree/consignment';
import type { ReactorRoute } from '@ree/platform/jobs';
import type { FlagPolicy } from '@ree/review';
import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import { deadlineAt, type DeadlineFlagCode } from './deadline-flags.decide';

/** The queue of the deadline flags: one delayed job per departure and per arrival, due at its deadline. */
export const DEADLINE_FLAGS_QUEUE = 'review.deadline-flags';

/** The checkpoint name of the reactor that enqueues them. */
export const DEADLINE_FLAGS_REACTOR = 'reactor.review.deadline-flags';

/** The worker's own actor for the `ConsignmentFlagged` it appends (docs/domain.md, "Roles": `system`, never a person). */
export const DEADLINE_FLAGS_ACTOR: Actor = { sub: DEADLINE_FLAGS_QUEUE, role: 'system' };

/** One deadline of one consignment; `dueAt` is the deadline as the reactor computed it, for the logs. */
export interface DeadlineFlagJob {
  readonly consignmentId: string;
  readonly code: DeadlineFlagCode;
  readonly dueAt: string;
}

/** The job's name on the queue, by code. */
export const DEADLINE_JOB_NAMES: Readonly<Record<DeadlineFlagCode, string>> = {
  ARRIVAL_NOT_CONFIRMED: 'arrival-not-confirmed',
  END_USE_CHECK_OVERDUE: 'end-use-check-overdue',
};

function deadlineOf(event: RecordedEvent, policy: FlagPolicy): DeadlineFlagJob | undefined {
  if (!consignmentStream.holds(event)) return undefined;
  const consignmentId = consignmentStream.entityIdOf(event.streamId);
  if (event.type === SHIPMENT_DEPARTED) {
    const { departedAt } = event.data;
    return { consignmentId, code: 'ARRIVAL_NOT_CONFIRMED', dueAt: deadlineAt('ARRIVAL_NOT_CONFIRMED', departedAt, policy).toISOString() };
  }
  if (event.type === SHIPMENT_ARRIVED) {
    const { arrivedAt } = event.data;
    return { consignmentId, code: 'END_USE_CHECK_OVERDUE', dueAt: deadlineAt('END_USE_CHECK_OVERDUE', arrivedAt, policy).toISOString() };
  }
  return undefined;
}

/**
 * Every departure becomes a job due when its arrival is overdue, every arrival one due when its
 * end-use check is, delayed from `now()` when the reactor handles the event, and never sooner
 * than `floorMs` from then: a deadline already past (a departure recorded late, a reactor
 * catching up, a replay) gives the arrival or check that may be on its way a moment to land.
 */
export function deadlineFlagsRoute(policy: FlagPolicy, floorMs: number, now: () => Date = () => new Date()): ReactorRoute {
  return {
    queue: DEADLINE_FLAGS_QUEUE,
    eventTypes: [SHIPMENT_DEPARTED, SHIPMENT_ARRIVED],
    job: (event: RecordedEvent) => {
      const data = deadlineOf(event, policy);
      if (!data) return undefined;
      const delayMs = Math.max(floorMs, Date.parse(data.dueAt) - now().getTime());
      return { name: DEADLINE_JOB_NAMES[data.code], data: { ...data }, delayMs };
    },
  };
}
