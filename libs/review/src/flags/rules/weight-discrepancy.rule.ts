import { Flag, kg, percent } from '../flag';
import type { FlagState } from '../flag-state';

/**
 * WEIGHT_DISCREPANCY (high): the inspection's measured net mass differs from the declared one by
 * more than 1 %, either way. The latest inspection decides, so a re-inspection within 1 % clears it.
 */
export function weightDiscrepancy(state: FlagState): Flag[] {
  const { declaredNetGrams: declared, measuredNetGrams: measured } = state;
  if (declared === null || measured === null || Math.abs(measured - declared) * 100 <= declared) return [];
  const detail =
    `Customs measured ${kg(measured)} net against ${kg(declared)} declared, ` +
    `a difference of ${percent(Math.abs(measured - declared), declared)} (more than 1 %).`;
  return [{ code: 'WEIGHT_DISCREPANCY', severity: 'high', detail, key: 'WEIGHT_DISCREPANCY' }];
}
