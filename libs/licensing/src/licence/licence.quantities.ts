import type { Grams } from '@ree/shared-kernel';
import type { AllocationState, LicenceState } from './licence.state';

/**
 * What a licence's quantities add up to, in grams. An allocation counts against the issued
 * quantity from the moment it is made (shipping it does not free it again); a release gives back
 * the part of it that will not ship.
 */
export const netAllocatedGrams = (allocation: AllocationState): Grams => allocation.allocatedGrams - allocation.releasedGrams;

/** What a consignment still holds on the licence: allocated, not released and not yet shipped. */
export const heldGrams = (allocation: AllocationState): Grams => netAllocatedGrams(allocation) - allocation.shippedGrams;

export const issuedGrams = (state: LicenceState): Grams =>
  state.items.reduce((total, item) => total + (item.issuedGrams ?? 0), 0);

export const allocatedGrams = (state: LicenceState): Grams =>
  Object.values(state.allocations).reduce((total, allocation) => total + netAllocatedGrams(allocation), 0);

export const shippedGrams = (state: LicenceState): Grams =>
  Object.values(state.allocations).reduce((total, allocation) => total + allocation.shippedGrams, 0);

/** Issued and not allocated: what further consignments may still draw. */
export const remainingGrams = (state: LicenceState): Grams => issuedGrams(state) - allocatedGrams(state);

export function itemRemainingGrams(state: LicenceState, itemIndex: number): Grams {
  const allocated = Object.values(state.allocations)
    .filter((allocation) => allocation.itemIndex === itemIndex)
    .reduce((total, allocation) => total + netAllocatedGrams(allocation), 0);
  return (state.items[itemIndex]?.issuedGrams ?? 0) - allocated;
}

/** The calendar day (UTC) of an instant: validity is counted in whole days. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * `licence-not-active` (docs/domain.md, "Rules"): usable only once issued (countersigned), inside its validity
 * (both days included), and not suspended, revoked, expired or exhausted.
 */
export function isActiveOn(state: LicenceState, now: Date): boolean {
  if (state.status !== 'issued' || !state.validFrom || !state.validUntil) return false;
  const today = dayOf(now);
  return state.validFrom <= today && today <= state.validUntil;
}

/**
 * In force: issued (countersigned) and its validity not over on `now`'s day (UTC), whether or not it
 * has begun. What the system may suspend (docs/domain.md, "Red flags"): a suspended, revoked,
 * expired, exhausted, rejected or unissued licence is not in force, nor an issued one whose
 * validity has ended but whose expiry job has not yet run.
 */
export const isInForceOn = (state: LicenceState, now: Date): boolean =>
  state.status === 'issued' && (state.validUntil === null || dayOf(now) <= state.validUntil);
