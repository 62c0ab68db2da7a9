import type { ReactorRoute } from '@ree/platform/jobs';
import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import { CONSIGNMENT_CANCELLED, MINING_SOURCE_CORRECTED } from '../consignment/consignment.events';
import { consignmentStream } from '../consignment/consignment.stream';
import type { GiveBackJob } from './give-back.decide';

/** The queue of the give-backs: one job per cancellation and per mining-source correction, run at once. */
export const GIVE_BACK_QUEUE = 'consignment.give-back';
/** The checkpoint name of the reactor that enqueues them. */
export const GIVE_BACK_REACTOR = 'reactor.consignment.give-back';
/** The worker's own actor for the returns and releases it appends (docs/domain.md, "Roles": `system`). */
export const GIVE_BACK_ACTOR: Actor = { sub: GIVE_BACK_QUEUE, role: 'system' };

/** The job of one cancellation or correction: whose, and which declaration a correction replaced. */
export function giveBackJobOf(event: RecordedEvent): GiveBackJob | undefined {
  if (!consignmentStream.holds(event)) return undefined;
  const consignmentId = consignmentStream.entityIdOf(event.streamId);
  const { correlationId } = event.metadata;
  if (event.type === CONSIGNMENT_CANCELLED) return { kind: 'consignment-cancelled', consignmentId, correlationId };
  if (event.type === MINING_SOURCE_CORRECTED) return { kind: 'mining-source-corrected', consignmentId, correctsId: event.data.correctsId, correlationId };
  return undefined;
}

/**
 * Every `ConsignmentCancelled` and `MiningSourceCorrected` becomes a job, due at once: the
 * command appended its own event only, and the job gives back what the event calls for. The job
 * is recorded with the reactor's checkpoint (docs/decisions.md 23), so no give-back is lost.
 */
export const giveBackRoute: ReactorRoute = {
  queue: GIVE_BACK_QUEUE,
  eventTypes: [CONSIGNMENT_CANCELLED, MINING_SOURCE_CORRECTED],
  job: (event) => {
    const job = giveBackJobOf(event);
    return job && { name: job.kind, data: { ...job } };
  },
};
