import { toGrams, type Grams, type QuotaCategory, type RecordedEvent } from '@ree/shared-kernel';
import { MINE_REGISTERED, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED, type MineEvent } from '../mine/mine.events';
import { evolveMine, initialMineState, type MineState } from '../mine/mine.state';

/** One quota batch as the mine's page counts it, keyed by the event that allocated it. */
export interface QuotaBatch {
  readonly eventId: string;
  readonly allocationId: string;
  readonly year: number;
  readonly category: QuotaCategory;
  readonly quotaGrams: Grams;
  readonly allocatedAt: string;
}

/** What the read model shows of one declaration's draw beside its grams (which are the state's). */
export interface DrawDetail {
  readonly consignmentId: string;
  readonly year: number;
  readonly category: QuotaCategory;
  readonly returnReason: string | null;
}

/**
 * One mine as its read model keeps it: the registry decider's own state, folded with
 * `evolveMine`, and beside it what the mine's page shows that the decider does not need: when it
 * was registered, each quota batch on its own (the state adds them up) and whose draw each
 * declaration was. Every column of `registry.mines`, `mine_quota_allocations` and
 * `mine_quota_draws` is written from this, and read back into it.
 */
export interface MineRow {
  readonly mineId: string;
  readonly state: MineState;
  readonly registeredAt: string | null;
  readonly batches: readonly QuotaBatch[];
  /** Keyed by declaration id. */
  readonly draws: Readonly<Record<string, DrawDetail>>;
}

export const initialMineRow = (mineId: string): MineRow => ({ mineId, state: initialMineState(), registeredAt: null, batches: [], draws: {} });

/**
 * Whether the row has folded the event already. The mine tables keep no revision: a registration and a batch are
 * recognised as such (a batch by its event's id), and a draw or return sets its declaration's grams (never adds), so
 * folding it again changes nothing.
 */
export function mineEventApplied(row: MineRow, event: RecordedEvent & MineEvent): boolean {
  if (event.type === MINE_REGISTERED) return row.state.registration !== null;
  if (event.type === MINING_QUOTA_ALLOCATED) return row.batches.some((batch) => batch.eventId === event.eventId);
  return false;
}

/** `evolveMine`, and the envelope's facts beside it. */
export function evolveMineRow(row: MineRow, event: RecordedEvent & MineEvent): MineRow {
  const next = { ...row, state: evolveMine(row.state, event) };
  switch (event.type) {
    case MINE_REGISTERED:
      return { ...next, registeredAt: event.recordedAt };
    case MINING_QUOTA_ALLOCATED: {
      const { allocationId, year, category, quotaKgReo } = event.data;
      const batch = { eventId: event.eventId, allocationId, year, category, quotaGrams: toGrams(quotaKgReo), allocatedAt: event.recordedAt };
      return { ...next, batches: [...row.batches, batch] };
    }
    case MINING_QUOTA_DRAWN:
    case MINING_QUOTA_RETURNED: {
      const { declarationId, consignmentId, year, category } = event.data;
      const returnReason = event.type === MINING_QUOTA_RETURNED ? event.data.reason : (row.draws[declarationId]?.returnReason ?? null);
      return { ...next, draws: { ...row.draws, [declarationId]: { consignmentId, year, category, returnReason } } };
    }
    default:
      return next;
  }
}
