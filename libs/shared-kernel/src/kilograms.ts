/**
 * Quantities are kilograms exact to the gram (docs/domain.md, "Reference facts"). Events carry kilograms as JSON numbers
 * with at most three decimals; arithmetic is done in integer grams so that sums never drift.
 */
export type Grams = number;

/**
 * A number of kilograms with at most three decimals, judged on the number itself rather than with a
 * tolerance: `value.toFixed(3)` is the nearest three-decimal number, and it must be `value` exactly.
 * Any JSON text of at most three decimals (`1.005`, `0.1`) parses to the double nearest it and
 * passes; `1.0000000000000002` or `0.30000000000000004`, stored as written, are refused. Text
 * whose extra digits vanish in parsing (`1.00000000000000000001` is the double 1) is stored as 1.
 */
export function isKilograms(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && Number.isSafeInteger(Math.round(value * 1000)) && Number(value.toFixed(3)) === value;
}

export function toGrams(kg: number): Grams {
  return Math.round(kg * 1000);
}

export function toKilograms(grams: Grams): number {
  return grams / 1000;
}
