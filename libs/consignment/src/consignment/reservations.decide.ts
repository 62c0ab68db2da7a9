import { evolveLicence, heldGrams, LicenceEvent, LicenceState, releaseOnLicence, withdrawEndorsement } from '@ree/licensing/domain';
import { drawMiningQuota, evolveMine, MineEvent, MineState, returnMiningQuota } from '@ree/registry/domain';
import { DomainRuleViolation, toKilograms } from '@ree/shared-kernel';
import type { MiningSourceDeclaredData } from './consignment.events';

/**
 * What a consignment reserves on, and gives back to, the streams of other contexts (docs/domain.md,
 * "The reservation pattern"), as decisions on their states made by their own pure deciders.
 */

/** Why a draw or an allocation is given back when its consignment is cancelled (MiningQuotaReturned.reason, LicenceAllocationReleased.reason). */
export const RETURNED_ON_CANCEL = 'consignment-cancelled';
/** Why a draw is given back when its source is corrected (MiningQuotaReturned.reason). */
export const RETURNED_ON_CORRECTION = 'mining-source-corrected';
/** Why an allocation is given back at once when its consignment refused the attachment (LicenceAllocationReleased.reason). */
export const RELEASED_ON_REFUSAL = 'attachment-refused';

/** Why an endorsement is withdrawn at once when its consignment refused the declaration (LicenceEndorsementWithdrawn.reason). */
export const WITHDRAWN_ON_REFUSAL = 'declaration-refused';

/** A decision on one mine's stream, made by the registry's pure deciders. */
export type MineDecision = (mine: MineState) => MineEvent[];

/** Several decisions in one append, each on the state the previous one left. */
export const inTurn =
  (...decisions: MineDecision[]): MineDecision =>
  (state) => {
    const decided: MineEvent[] = [];
    for (const decision of decisions) decided.push(...decision(decided.reduce(evolveMine, state)));
    return decided;
  };

/** A source's draw on its mine's quota; `reservation-expired` once the reconciliation returned this very declaration's draw. */
export const drawFor =
  (consignmentId: string, source: MiningSourceDeclaredData) =>
  (mine: MineState): MineEvent[] => {
    const { mineId, quotaYear: year, category, kgReo, declarationId } = source;
    refuseReturnedDraw(mine, declarationId);
    return drawMiningQuota({ mineId, year, category, kgReo, consignmentId, declarationId }, mine);
  };

/** The whole of a source's draw given back; nothing when it is not drawn or already returned. */
export const returnDrawOf =
  (consignmentId: string, source: MiningSourceDeclaredData, reason: string) =>
  (mine: MineState): MineEvent[] => {
    const { mineId, quotaYear: year, category, declarationId } = source;
    return returnMiningQuota({ mineId, year, category, consignmentId, declarationId, reason }, mine);
  };

/** The whole of what a consignment still holds on a licence, released in one event; nothing when nothing is held. */
export const releaseHeldBy =
  (consignmentId: string, licenceId: string, reason: string) =>
  (licence: LicenceState): LicenceEvent[] => {
    const allocation = licence.allocations[consignmentId];
    const held = allocation ? heldGrams(allocation) : 0;
    return held === 0 ? [] : releaseOnLicence({ licenceId, consignmentId, kg: toKilograms(held), reason }, licence);
  };

/** The endorsement of a consignment's declaration withdrawn from its licence; nothing when none is in force. */
export const withdrawEndorsementOf =
  (consignmentId: string, licenceId: string, reason: string) =>
  (licence: LicenceState): LicenceEvent[] =>
    withdrawEndorsement({ licenceId, consignmentId, reason }, licence);

/**
 * Everything a cancelled consignment has on its licence given back in one append: what it holds
 * (`releaseHeldBy`) and its declaration's endorsement, which no longer counts against the licence's kind.
 */
export const giveBackOnLicence =
  (consignmentId: string, licenceId: string, reason: string) =>
  (licence: LicenceState): LicenceEvent[] => {
    const released = releaseHeldBy(consignmentId, licenceId, reason)(licence);
    return [...released, ...withdrawEndorsementOf(consignmentId, licenceId, reason)(released.reduce(evolveLicence, licence))];
  };

/**
 * `reservation-expired` at the declaration: this operation's endorsement is on the licence but was
 * withdrawn since (its declaration was refused after all). Customs declares again with a new key.
 */
export const endorsementWithdrawn = (consignmentId: string, licenceId: string): DomainRuleViolation =>
  new DomainRuleViolation(
    'reservation-expired',
    `The endorsement of consignment ${consignmentId}'s declaration on licence ${licenceId} was withdrawn; declare the shipment again with a new Idempotency-Key`,
  );

/**
 * `reservation-expired`: a declaration whose quota draw the reconciliation already returned is
 * not recorded late (the draw is no longer counted, so the source would count against nothing).
 * The exporter declares it again with a new Idempotency-Key, which draws afresh.
 */
export function refuseReturnedDraw(mine: MineState, declarationId: string): void {
  for (const quota of Object.values(mine.quotas)) {
    const draw = quota.draws[declarationId];
    if (draw && draw.drawnGrams > 0 && draw.returnedGrams >= draw.drawnGrams) {
      throw new DomainRuleViolation(
        'reservation-expired',
        `The quota drawn for declaration ${declarationId} was returned because the declaration was not recorded in time; declare the source again with a new Idempotency-Key`,
      );
    }
  }
}

/**
 * `reservation-expired` at attach: this operation's allocation is on the licence but no longer held,
 * because the reconciliation released it as orphaned. The exporter attaches again with a new key.
 */
export const allocationExpired = (consignmentId: string, licenceId: string): DomainRuleViolation =>
  new DomainRuleViolation(
    'reservation-expired',
    `The allocation for consignment ${consignmentId} on licence ${licenceId} was released because the attachment was not recorded in time; attach the licence again with a new Idempotency-Key`,
  );
