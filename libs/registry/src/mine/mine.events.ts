import type { DepositType, QuotaCategory } from '@ree/shared-kernel';

/** Stored type strings: stable names, never derived from a class name. */
export const MINE_REGISTERED = 'MineRegistered';
export const MINING_QUOTA_ALLOCATED = 'MiningQuotaAllocated';
export const MINING_QUOTA_DRAWN = 'MiningQuotaDrawn';
export const MINING_QUOTA_RETURNED = 'MiningQuotaReturned';

/** The schema version each mine event type is written with today. */
export const MINE_SCHEMA_VERSIONS = {
  [MINE_REGISTERED]: 1,
  [MINING_QUOTA_ALLOCATED]: 1,
  [MINING_QUOTA_DRAWN]: 1,
  [MINING_QUOTA_RETURNED]: 1,
} as const;

export const MINE_EVENT_TYPES = Object.keys(MINE_SCHEMA_VERSIONS) as readonly MineEvent['type'][];

export interface MineRegisteredData {
  readonly mineId: string;
  readonly name: string;
  readonly operator: string;
  readonly region: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly miningLicenceNo: string;
  readonly depositType: DepositType;
}

/**
 * One batch of a year's quota. Batches of the same year and category add up: China issues its
 * annual quota in several batches. `allocationId` names the batch so that a retried request
 * does not allocate it twice.
 */
export interface MiningQuotaAllocatedData {
  readonly allocationId: string;
  readonly year: number;
  readonly category: QuotaCategory;
  /** Tonnes of rare-earth oxide, written as kilograms with at most three decimals. */
  readonly quotaKgReo: number;
}

/** Appended by the consignment context when a mining source is declared against this mine. */
export interface MiningQuotaDrawnData {
  readonly year: number;
  readonly category: QuotaCategory;
  readonly kgReo: number;
  readonly consignmentId: string;
  readonly declarationId: string;
}

/** Gives a draw back (a correction, a cancelled consignment, or a draw whose consignment event never came). */
export interface MiningQuotaReturnedData extends MiningQuotaDrawnData {
  readonly reason: string;
}

export type MineRegistered = { readonly type: typeof MINE_REGISTERED; readonly data: MineRegisteredData };
export type MiningQuotaAllocated = { readonly type: typeof MINING_QUOTA_ALLOCATED; readonly data: MiningQuotaAllocatedData };
export type MiningQuotaDrawn = { readonly type: typeof MINING_QUOTA_DRAWN; readonly data: MiningQuotaDrawnData };
export type MiningQuotaReturned = { readonly type: typeof MINING_QUOTA_RETURNED; readonly data: MiningQuotaReturnedData };

export type MineEvent = MineRegistered | MiningQuotaAllocated | MiningQuotaDrawn | MiningQuotaReturned;
