import { Flag, kg } from '../flag';
import type { FlagState } from '../flag-state';

/** The mass-balance tolerance (docs/domain.md, "Red flags"): 0.5 %, i.e. more is flagged only above 1005 per 1000. */
const exceedsWithTolerance = (outGrams: number, inGrams: number): boolean => outGrams * 1000 > inGrams * 1005;

/**
 * SOURCE_SHORTFALL (high): more material leaves than came in. Two cases: the consignment's REO
 * equivalent exceeds its final output (the last step's output, or the sources' sum without steps),
 * or the first step's input exceeds the sources' sum. Judged only once something is declared, so
 * that a consignment just registered is not flagged. Computed from the corrections in force, so a
 * correction that restores the balance clears it.
 */
export function sourceShortfall(state: FlagState): Flag[] {
  if (state.reoEquivalentGrams === null || (state.sources.length === 0 && state.steps.length === 0)) return [];
  const sourcedGrams = state.sources.reduce((total, source) => total + source.grams, 0);
  const first = state.steps[0];
  const last = state.steps[state.steps.length - 1];
  const finalGrams = last ? last.outputGrams : sourcedGrams;
  const reasons: string[] = [];
  if (exceedsWithTolerance(state.reoEquivalentGrams, finalGrams)) {
    const from = last ? `the last processing step's output (${last.id})` : 'the declared mining sources';
    reasons.push(`the consignment's REO equivalent ${kg(state.reoEquivalentGrams)} exceeds ${from}, ${kg(finalGrams)}`);
  }
  if (first && exceedsWithTolerance(first.inputGrams, sourcedGrams)) {
    reasons.push(`the first processing step's input ${kg(first.inputGrams)} (${first.id}) exceeds the declared mining sources, ${kg(sourcedGrams)}`);
  }
  if (reasons.length === 0) return [];
  const detail = `More material leaves than came in: ${reasons.join('; ')} (tolerance 0.5 %).`;
  return [{ code: 'SOURCE_SHORTFALL', severity: 'high', detail, key: 'SOURCE_SHORTFALL' }];
}
