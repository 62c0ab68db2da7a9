import { declarationsLeft, heldGrams, licenceKindOf, remainingGrams } from '@ree/licensing/domain';
import { toGrams, toKilograms } from '@ree/shared-kernel';
import type { MassBalance, ReviewDocument, ReviewLicence, ReviewMiningSource, ReviewProcessingStep } from './review-document';
import type { Review } from './review';

/** A ratio of two gram counts to four decimals (0.01 %), null when nothing went in. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

const withYield = (step: ReviewProcessingStep): ReviewProcessingStep => ({
  ...step,
  yield: ratio(toGrams(step.outputKgReo), toGrams(step.inputKgReo)),
});

/** The final REO output of docs/domain.md, "Red flags": the last processing step's output, or the sources when nothing was processed. */
export function massBalanceOf(sources: readonly ReviewMiningSource[], steps: readonly ReviewProcessingStep[]): MassBalance {
  const sourcedGrams = sources.reduce((total, source) => total + toGrams(source.kgReo), 0);
  const last = steps[steps.length - 1];
  const finalGrams = last ? toGrams(last.outputKgReo) : sourcedGrams;
  return { sourcedKgReo: toKilograms(sourcedGrams), finalKgReo: toKilograms(finalGrams), overallYield: ratio(finalGrams, sourcedGrams) };
}

function licenceOf(review: Review): ReviewLicence | null {
  const attached = review.consignment.licence;
  if (attached === null) return null;
  const ledger = review.licences[attached.licenceId];
  if (ledger === undefined) {
    return {
      licenceId: attached.licenceId, status: 'unknown', validUntil: null, allocatedKg: attached.allocatedKg, shippedKg: 0, remainingKg: null,
      kind: null, customsOffice: null, endorsements: [], declarationsLeft: null,
    };
  }
  const allocation = review.document.consignmentId === null ? undefined : ledger.allocations[review.document.consignmentId];
  const shipped = allocation?.shippedGrams ?? 0;
  return {
    licenceId: attached.licenceId,
    status: ledger.status,
    validUntil: ledger.validUntil,
    allocatedKg: toKilograms(allocation ? heldGrams(allocation) + shipped : toGrams(attached.allocatedKg)),
    shippedKg: toKilograms(shipped),
    remainingKg: toKilograms(remainingGrams(ledger)),
    kind: licenceKindOf(ledger),
    customsOffice: ledger.application?.customsOffice ?? null,
    endorsements: ledger.endorsements.map((endorsement) => ({ ...endorsement })),
    declarationsLeft: declarationsLeft(ledger),
  };
}

/** The parts computed from others: mine names and draws on the sources, yields, the mass balance, the licence. */
export function withDerivedParts(review: Review): ReviewDocument {
  const miningSources = review.document.miningSources.map((source) => ({
    ...source,
    mineName: review.mines[source.mineId]?.name ?? null,
    quota: review.draws[source.declarationId] ?? 'unknown',
  }));
  const processingSteps = review.document.processingSteps.map(withYield);
  return {
    ...review.document,
    miningSources,
    processingSteps,
    massBalance: massBalanceOf(miningSources, processingSteps),
    licence: licenceOf(review),
  };
}
