/**
 * Quantities are kilograms exact to the gram (DOMAIN.md). Events carry kilograms as JSON numbers
 * with at most three decimals; arithmetic is done in integer grams so that sums never drift.
 */
export type Grams = number;

export function isKilograms(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && Number.isSafeInteger(Math.round(value * 1000)) && Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;
}

export function toGrams(kg: number): Grams {
  return Math.round(kg * 1000);
}

export function toKilograms(grams: Grams): number {
  return grams / 1000;
}

export function sumKilograms(values: readonly number[]): number {
  return toKilograms(values.reduce((total, kg) => total + toGrams(kg), 0));
}
