import { evolveLicence, initialLicenceState, LicenceEvent, LicenceState } from '@ree/licensing/domain';
import { evolveMine, initialMineState, MineEvent, MineState, returnMiningQuota } from '@ree/registry/domain';
import { type Decider, type QuotaCategory } from '@ree/shared-kernel';
import type { ConsignmentState } from '../consignment/consignment.state';
import { releaseHeldBy } from '../consignment/reservations.decide';

/** Why a draw is given back when its consignment event never came (MiningQuotaReturned and LicenceAllocationReleased `reason`). */
export const RETURNED_AS_ORPHANED = 'orphaned-draw';

/** A draw on a mine's quota, to be checked against the consignment that made it. */
export interface MiningQuotaDrawJob {
  readonly kind: 'mining-quota';
  readonly mineId: string;
  readonly year: number;
  readonly category: QuotaCategory;
  readonly consignmentId: string;
  readonly declarationId: string;
}

/** An allocation on a licence, to be checked against the consignment that made it. */
export interface LicenceAllocationJob {
  readonly kind: 'licence-allocation';
  readonly licenceId: string;
  readonly consignmentId: string;
}

/**
 * A quota draw is orphaned when no declaration or correction of its consignment carries its
 * declaration id: the process died between the two appends and the request was never retried.
 * A cancelled consignment does not keep it either: its cancel returned only the sources it knew.
 */
export function reconcileMiningQuota(job: MiningQuotaDrawJob, consignment: ConsignmentState, mine: MineState): MineEvent[] {
  if (consignment.sources[job.declarationId]) return [];
  const { mineId, year, category, consignmentId, declarationId } = job;
  return returnMiningQuota({ mineId, year, category, consignmentId, declarationId, reason: RETURNED_AS_ORPHANED }, mine);
}

/**
 * A licence allocation is orphaned when its consignment never recorded that licence as attached;
 * the whole of what the consignment still holds on the licence is released.
 */
export function reconcileLicenceAllocation(job: LicenceAllocationJob, consignment: ConsignmentState, licence: LicenceState): LicenceEvent[] {
  if (consignment.licence?.licenceId === job.licenceId) return [];
  return releaseHeldBy(job.consignmentId, job.licenceId, RETURNED_AS_ORPHANED)(licence);
}

/** The mine side of a job, as a decider on the mine's stream, given the consignment as it stands. */
export const miningQuotaReconciliation = (consignment: ConsignmentState): Decider<MiningQuotaDrawJob, MineState, MineEvent> => ({
  decide: (job, mine) => reconcileMiningQuota(job, consignment, mine),
  evolve: evolveMine,
  initialState: initialMineState,
});

/** The licence side of a job, as a decider on the licence's stream, given the consignment as it stands. */
export const licenceAllocationReconciliation = (consignment: ConsignmentState): Decider<LicenceAllocationJob, LicenceState, LicenceEvent> => ({
  decide: (job, licence) => reconcileLicenceAllocation(job, consignment, licence),
  evolve: evolveLicence,
  initialState: initialLicenceState,
});
