import { Flag, percent } from '../flag';
import type { FlagPolicy } from '../flag-policy';
import type { FlagState } from '../flag-state';

/** Floors in parts per million, so that the comparison stays in integers. */
const PPM = 1_000_000;

/**
 * LOW_YIELD (medium), one per processing step in force whose yield (output/input REO) is below its
 * process's floor. A correction that replaces the step with a plausible yield clears it; a step
 * with no input has no yield and is left to SOURCE_SHORTFALL.
 */
export function lowYield(state: FlagState, policy: FlagPolicy): Flag[] {
  return state.steps
    .filter((step) => step.inputGrams > 0 && step.outputGrams * PPM < Math.round(policy.yieldFloors[step.process] * PPM) * step.inputGrams)
    .map((step) => ({
      code: 'LOW_YIELD',
      severity: 'medium',
      detail:
        `Processing step ${step.id} (${step.process} at ${step.facility}) yielded ${percent(step.outputGrams, step.inputGrams)}` +
        ` of its REO input, below the ${step.process} floor of ${percent(policy.yieldFloors[step.process], 1)}.`,
      key: `LOW_YIELD:${step.id}`,
    }));
}
