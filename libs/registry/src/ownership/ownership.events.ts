/** Stored type strings: stable names, never derived from a class name. */
export const OWNERSHIP_RECORDED = 'OwnershipRecorded';
export const OWNERSHIP_ENDED = 'OwnershipEnded';

/** The schema version each ownership event type is written with today. */
export const OWNERSHIP_SCHEMA_VERSIONS = {
  [OWNERSHIP_RECORDED]: 1,
  [OWNERSHIP_ENDED]: 1,
} as const;

export const OWNERSHIP_EVENT_TYPES = Object.keys(OWNERSHIP_SCHEMA_VERSIONS) as readonly OwnershipEvent['type'][];

/** A company as the ownership registry names it: a name and its country. */
export interface Company {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
}

/** One fact of the ownership registry: `owner` holds `sharePercent` of `owned`, as of a day, on a source's word. */
export interface OwnershipRecordedData {
  readonly factId: string;
  readonly owner: Company;
  readonly owned: Company;
  /** In (0, 100], at most two decimals. */
  readonly sharePercent: number;
  /** Where the fact comes from: a register extract, an annual report, a filing (its reference). */
  readonly source: string;
  /** The day the share was held (YYYY-MM-DD). */
  readonly asOf: string;
}

/** The fact no longer holds (the share was sold, the record was wrong): it leaves the walk. */
export interface OwnershipEndedData {
  /** The last day the fact held is the day before (YYYY-MM-DD). */
  readonly endedOn: string;
  readonly reason: string;
}

export type OwnershipRecorded = { readonly type: typeof OWNERSHIP_RECORDED; readonly data: OwnershipRecordedData };
export type OwnershipEnded = { readonly type: typeof OWNERSHIP_ENDED; readonly data: OwnershipEndedData };

export type OwnershipEvent = OwnershipRecorded | OwnershipEnded;
