import { Grams, QuotaCategory, toGrams } from '@ree/shared-kernel';
import {
  MINE_REGISTERED,
  MineEvent,
  MineRegisteredData,
  MINING_QUOTA_ALLOCATED,
  MINING_QUOTA_DRAWN,
  MINING_QUOTA_RETURNED,
} from './mine.events';

/** A year's quota in one category, in exact grams of REO. */
export interface QuotaState {
  readonly allocatedGrams: Grams;
  /**
   * Draws keyed by mining-source declaration: a repeated draw or return of one declaration sets
   * its amount again instead of adding to it, so it never counts twice (the projection does the same).
   */
  readonly draws: Readonly<Record<string, DrawState>>;
}

export interface DrawState {
  readonly drawnGrams: Grams;
  readonly returnedGrams: Grams;
}

export interface MineState {
  readonly registration: MineRegisteredData | null;
  /** Keyed by {@link quotaKey}. */
  readonly quotas: Readonly<Record<string, QuotaState>>;
  readonly allocationIds: readonly string[];
}

export const quotaKey = (year: number, category: QuotaCategory): string => `${year}/${category}`;

export const initialMineState = (): MineState => ({ registration: null, quotas: {}, allocationIds: [] });

const EMPTY_QUOTA: QuotaState = { allocatedGrams: 0, draws: {} };
const EMPTY_DRAW: DrawState = { drawnGrams: 0, returnedGrams: 0 };

function withDraw(quota: QuotaState, declarationId: string, change: Partial<DrawState>): QuotaState {
  const draw = { ...(quota.draws[declarationId] ?? EMPTY_DRAW), ...change };
  return { ...quota, draws: { ...quota.draws, [declarationId]: draw } };
}

function withQuota(state: MineState, key: string, change: (quota: QuotaState) => QuotaState): MineState {
  return { ...state, quotas: { ...state.quotas, [key]: change(state.quotas[key] ?? EMPTY_QUOTA) } };
}

export function evolveMine(state: MineState, event: MineEvent): MineState {
  switch (event.type) {
    case MINE_REGISTERED:
      return { ...state, registration: event.data };
    case MINING_QUOTA_ALLOCATED: {
      const { year, category, quotaKgReo, allocationId } = event.data;
      const allocated = withQuota(state, quotaKey(year, category), (quota) => ({
        ...quota,
        allocatedGrams: quota.allocatedGrams + toGrams(quotaKgReo),
      }));
      return { ...allocated, allocationIds: [...state.allocationIds, allocationId] };
    }
    case MINING_QUOTA_DRAWN: {
      const { year, category, kgReo, declarationId } = event.data;
      return withQuota(state, quotaKey(year, category), (quota) =>
        withDraw(quota, declarationId, { drawnGrams: toGrams(kgReo) }),
      );
    }
    case MINING_QUOTA_RETURNED: {
      const { year, category, kgReo, declarationId } = event.data;
      return withQuota(state, quotaKey(year, category), (quota) =>
        withDraw(quota, declarationId, { returnedGrams: toGrams(kgReo) }),
      );
    }
    default:
      return state;
  }
}

export function drawnGrams(quota: QuotaState): Grams {
  return Object.values(quota.draws).reduce(
    (total, draw) => total + Math.max(0, draw.drawnGrams - draw.returnedGrams),
    0,
  );
}

/**
 * What is left of a year's quota in a category, in grams; 0 when nothing was allocated. The
 * consignment context checks a draw against it (`quota-exceeded`).
 */
export function remainingQuotaGrams(state: MineState, year: number, category: QuotaCategory): Grams {
  const quota = state.quotas[quotaKey(year, category)];
  return quota ? quota.allocatedGrams - drawnGrams(quota) : 0;
}
