import { LICENCE_QUANTITY_ALLOCATED, LicenceQuantityAllocatedData, licenceIdOf } from '@ree/licensing';
import type { ReactorRoute } from '@ree/platform/jobs';
import { MINING_QUOTA_DRAWN, MiningQuotaDrawnData, mineIdOf } from '@ree/registry';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { LicenceAllocationJob, MiningQuotaDrawJob } from './reconcile-draw.decide';

/** The queue of the reconciliation: one delayed job per quota draw and per licence allocation. */
export const RECONCILE_DRAWS_QUEUE = 'consignment.reconcile-draws';

/** The checkpoint name of the reactor that enqueues them. */
export const RECONCILE_DRAWS_REACTOR = 'reactor.consignment.reconcile-draws';

export type ReconcileDrawJob = MiningQuotaDrawJob | LicenceAllocationJob;

/** The job of one draw event: the data the check needs, nothing more. */
export function reconcileDrawJobOf(event: RecordedEvent): ReconcileDrawJob | undefined {
  if (event.type === MINING_QUOTA_DRAWN) {
    const { year, category, consignmentId, declarationId } = event.data as MiningQuotaDrawnData;
    return { kind: 'mining-quota', mineId: mineIdOf(event.streamId), year, category, consignmentId, declarationId };
  }
  if (event.type === LICENCE_QUANTITY_ALLOCATED) {
    const { consignmentId } = event.data as LicenceQuantityAllocatedData;
    return { kind: 'licence-allocation', licenceId: licenceIdOf(event.streamId), consignmentId };
  }
  return undefined;
}

/**
 * Every quota draw and licence allocation becomes a job that runs `delayMs` later, long after a
 * live request has appended its consignment event, so that only a draw left behind by a crash
 * (or a request given up on) is found without its consignment event.
 */
export function reconcileDrawsRoute(delayMs: number): ReactorRoute {
  return {
    queue: RECONCILE_DRAWS_QUEUE,
    eventTypes: [MINING_QUOTA_DRAWN, LICENCE_QUANTITY_ALLOCATED],
    job: (event) => {
      const job = reconcileDrawJobOf(event);
      return job && { name: job.kind, data: { ...job }, delayMs };
    },
  };
}
