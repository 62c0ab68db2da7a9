import type { Flag } from '../flag';
import type { FlagState } from '../flag-state';

/**
 * HS_CODE_MISMATCH (high): the latest classification found the item on the control list, but the
 * HS code it is declared under is none of the reference HS codes of the entries that list it (the
 * enforcement cases: Dy-containing NdFeB magnets under the wrong subheading, SmCo declared as
 * NdFeB). A later classification that matches (a new list, another stage) clears it.
 */
export function hsCodeMismatch(state: FlagState): Flag[] {
  const classification = state.classification;
  if (classification === null || !classification.controlled || classification.hsCodeMatches) return [];
  const detail =
    `The item is controlled under ${classification.controlCode ?? '?'} by the control list of ${classification.on} (${classification.stage}), ` +
    `but HS ${state.hsCode ?? '?'} is none of the entry's reference HS codes.`;
  return [{ code: 'HS_CODE_MISMATCH', severity: 'high', detail, key: 'HS_CODE_MISMATCH' }];
}
