import { LicenceKind, MULTI_USE_DECLARATIONS } from './licence.events';
import type { EndorsementState, LicenceState } from './licence.state';

/** The licence's kind; `null` for an application recorded before kinds existed (no declaration limit). */
export const licenceKindOf = (state: LicenceState): LicenceKind | null => state.application?.kind ?? null;

/** The endorsements that count against the licence: those not withdrawn. */
export const endorsementsInForce = (state: LicenceState): readonly EndorsementState[] =>
  state.endorsements.filter((endorsement) => endorsement.withdrawnReason === null);

/** How many declarations a kind allows; `null` when the kind sets no number (general, or no kind recorded). */
export function declarationLimit(kind: LicenceKind | null): number | null {
  if (kind === 'single-use') return 1;
  if (kind === 'multi-use') return MULTI_USE_DECLARATIONS;
  return null;
}

/** Declarations the licence may still be endorsed with; `null` when its kind sets no number. */
export function declarationsLeft(state: LicenceState): number | null {
  const limit = declarationLimit(licenceKindOf(state));
  return limit === null ? null : Math.max(0, limit - endorsementsInForce(state).length);
}

/** The endorsement in force of one consignment's declaration, if any. */
export const endorsementOf = (state: LicenceState, consignmentId: string): EndorsementState | undefined =>
  endorsementsInForce(state).find((endorsement) => endorsement.consignmentId === consignmentId);

/**
 * The last day a general licence valid from `validFrom` may run to: one year, both ends included
 * (2026-01-01 → 2026-12-31; from 29 February, the 28th of the next February).
 */
export function lastDayOfOneYear(validFrom: string): string {
  const [year, month, day] = validFrom.split('-').map(Number);
  const sameDayNextYear = new Date(Date.UTC(year + 1, month - 1, day));
  // From 29 February the same day next year rolls over into March: day 0 of March is the 28th of February.
  if (sameDayNextYear.getUTCDate() !== day) sameDayNextYear.setUTCDate(0);
  else sameDayNextYear.setUTCDate(sameDayNextYear.getUTCDate() - 1);
  return sameDayNextYear.toISOString().slice(0, 10);
}
