import type { Process } from '@ree/consignment/domain';

/**
 * The thresholds of the red-flag rules. The yield floors are an assumption taken from
 * `reference/rare-earths.json` (`processYieldFloors_assumption`), not a regulation: the authority
 * sets its own, hence configurable.
 */
export interface FlagPolicy {
  /** The lowest acceptable output/input REO ratio per process, in [0, 1]. */
  readonly yieldFloors: Readonly<Record<Process, number>>;
  /** ARRIVAL_NOT_CONFIRMED once this many days have passed since departure without an arrival. */
  readonly arrivalDueDays: number;
  /** END_USE_CHECK_OVERDUE once this many days have passed since arrival without an end-use check. */
  readonly endUseCheckDueDays: number;
}

export const DEFAULT_FLAG_POLICY: FlagPolicy = {
  yieldFloors: {
    beneficiation: 0.6,
    separation: 0.9,
    smelting: 0.92,
    conversion: 0.92,
    alloying: 0.95,
    'magnet-manufacture': 0.7,
    other: 0.5,
  },
  arrivalDueDays: 60,
  endUseCheckDueDays: 90,
};

/** The default policy with some thresholds replaced, e.g. from configuration; unnamed processes keep their default floor. */
export function flagPolicy(overrides: {
  readonly yieldFloors?: Partial<Record<Process, number>>;
  readonly arrivalDueDays?: number;
  readonly endUseCheckDueDays?: number;
} = {}): FlagPolicy {
  return {
    yieldFloors: { ...DEFAULT_FLAG_POLICY.yieldFloors, ...overrides.yieldFloors },
    arrivalDueDays: overrides.arrivalDueDays ?? DEFAULT_FLAG_POLICY.arrivalDueDays,
    endUseCheckDueDays: overrides.endUseCheckDueDays ?? DEFAULT_FLAG_POLICY.endUseCheckDueDays,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant `days` whole days after an ISO timestamp or YYYY-MM-DD date (read as UTC midnight). */
export const daysAfter = (isoInstant: string, days: number): Date => new Date(Date.parse(isoInstant) + days * DAY_MS);
