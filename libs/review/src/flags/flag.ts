/** The red flags that the rules of this folder compute (docs/domain.md, "Red flags"). */
export const FLAG_CODES = [
  'SOURCE_SHORTFALL',
  'LOW_YIELD',
  'WEIGHT_DISCREPANCY',
  'LICENCE_SUSPENDED_IN_TRANSIT',
  'ARRIVAL_NOT_CONFIRMED',
  'END_USE_CHECK_OVERDUE',
  'END_USE_VIOLATION',
  'HS_CODE_MISMATCH',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/**
 * The flags that follow from events alone, with no clock and no other registry: the review fold
 * computes them after each event (docs/decisions.md, 10). The other codes come from jobs, as events.
 */
export const EVENT_FLAG_CODES: readonly FlagCode[] = [
  'SOURCE_SHORTFALL',
  'LOW_YIELD',
  'WEIGHT_DISCREPANCY',
  'LICENCE_SUSPENDED_IN_TRANSIT',
  'END_USE_VIOLATION',
  'HS_CODE_MISMATCH',
];

export type FlagSeverity = 'low' | 'medium' | 'high' | 'critical';

/**
 * A flag in force on one consignment. `key` tells two flags of one code apart (LOW_YIELD is
 * raised once per processing step); it equals `code` for flags that a consignment holds once.
 */
export interface Flag {
  readonly code: FlagCode;
  readonly severity: FlagSeverity;
  /** A sentence a reviewer can read without opening the events. */
  readonly detail: string;
  readonly key: string;
}

/** What changed between two evaluations: flags newly in force (or whose detail changed) and flags no longer in force. */
export interface FlagChanges {
  readonly raised: readonly Flag[];
  readonly cleared: readonly Flag[];
}

/** Kilograms as a reviewer reads them, from integer grams: `1234.5 kg`. */
export const kg = (grams: number): string => `${grams / 1000} kg`;

/** A ratio as a percentage with two decimals: `90.25 %`. */
export const percent = (numerator: number, denominator: number): string =>
  `${((numerator * 100) / denominator).toFixed(2)} %`;
