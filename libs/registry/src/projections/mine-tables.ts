import type { RowChange } from '@ree/event-store';
import type { DepositType, QuotaCategory } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import { quotaKey, type MineState, type QuotaState } from '../mine/mine.state';
import type { DrawDetail, MineRow, QuotaBatch } from './mine-row';

interface MineColumns {
  mine_id: string;
  name: string;
  operator: string;
  region: string;
  country: string;
  mining_licence_no: string;
  deposit_type: DepositType;
  registered_at: string;
}

interface BatchColumns {
  event_id: string;
  allocation_id: string;
  mine_id: string;
  year: number;
  category: QuotaCategory;
  quota_grams: string;
  allocated_at: string;
}

interface DrawColumns {
  mine_id: string;
  declaration_id: string;
  consignment_id: string;
  year: number;
  category: QuotaCategory;
  drawn_grams: string;
  returned_grams: string;
  return_reason: string | null;
}

const MINE_TYPES: Record<keyof MineColumns, string> = {
  mine_id: 'text', name: 'text', operator: 'text', region: 'text', country: 'text', mining_licence_no: 'text', deposit_type: 'text',
  registered_at: 'timestamptz',
};
const BATCH_TYPES: Record<keyof BatchColumns, string> = {
  event_id: 'uuid', allocation_id: 'text', mine_id: 'text', year: 'integer', category: 'text', quota_grams: 'bigint', allocated_at: 'timestamptz',
};
const DRAW_TYPES: Record<keyof DrawColumns, string> = {
  mine_id: 'text', declaration_id: 'text', consignment_id: 'text', year: 'integer', category: 'text', drawn_grams: 'bigint',
  returned_grams: 'bigint', return_reason: 'text',
};

/** One upsert of many rows, sent as one JSON array (`jsonb_to_recordset`). */
function upsert(table: string, types: Record<string, string>, key: readonly string[]): string {
  const columns = Object.keys(types);
  const set = columns.filter((column) => !key.includes(column)).map((column) => `${column} = EXCLUDED.${column}`);
  return `INSERT INTO registry.${table} (${columns.join(', ')})
    SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map((column) => `${column} ${types[column]}`).join(', ')})
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
}

const UPSERT_MINES = upsert('mines', MINE_TYPES, ['mine_id']);
const UPSERT_BATCHES = upsert('mine_quota_allocations', BATCH_TYPES, ['event_id']);
const UPSERT_DRAWS = upsert('mine_quota_draws', DRAW_TYPES, ['mine_id', 'declaration_id']);

const iso = (value: Date | string): string => new Date(value).toISOString();
const EMPTY_QUOTA: QuotaState = { allocatedGrams: 0, draws: {} };

/** The mine's row again from its columns: the state is what `evolveMine` makes of the batches and draws they hold. */
function rowOf(mineId: string, mine: MineColumns | undefined, batchRows: readonly BatchColumns[], drawRows: readonly DrawColumns[]): MineRow {
  const quotas: Record<string, QuotaState> = {};
  const quota = (year: number, category: QuotaCategory): QuotaState => quotas[quotaKey(year, category)] ?? EMPTY_QUOTA;
  const batches: QuotaBatch[] = batchRows.map((row) => ({
    eventId: row.event_id, allocationId: row.allocation_id, year: row.year, category: row.category, quotaGrams: Number(row.quota_grams), allocatedAt: iso(row.allocated_at),
  }));
  for (const batch of batches) {
    const { year, category } = batch;
    quotas[quotaKey(year, category)] = { ...quota(year, category), allocatedGrams: quota(year, category).allocatedGrams + batch.quotaGrams };
  }
  const draws: Record<string, DrawDetail> = {};
  for (const row of drawRows) {
    const current = quota(row.year, row.category);
    const draw = { drawnGrams: Number(row.drawn_grams), returnedGrams: Number(row.returned_grams) };
    quotas[quotaKey(row.year, row.category)] = { ...current, draws: { ...current.draws, [row.declaration_id]: draw } };
    draws[row.declaration_id] = { consignmentId: row.consignment_id, year: row.year, category: row.category, returnReason: row.return_reason };
  }
  const registration: MineState['registration'] = mine === undefined ? null : {
    mineId, name: mine.name, operator: mine.operator, region: mine.region, country: mine.country, miningLicenceNo: mine.mining_licence_no, depositType: mine.deposit_type,
  };
  return {
    mineId,
    state: { registration, quotas, allocationIds: batches.map((batch) => batch.allocationId) },
    registeredAt: mine === undefined ? null : iso(mine.registered_at),
    batches,
    draws,
  };
}

/** The columns a batch changed of one mine: its own row, new batches, and the draws whose grams or details changed. */
function columnsOf({ before, after: row }: RowChange<MineRow>): { mine: MineColumns[]; batches: BatchColumns[]; draws: DrawColumns[] } {
  const { mineId, state } = row;
  const registration = state.registration;
  const mine = registration === null || row.registeredAt === null || before?.state.registration === registration ? [] : [{
    mine_id: mineId, name: registration.name, operator: registration.operator, region: registration.region, country: registration.country,
    mining_licence_no: registration.miningLicenceNo, deposit_type: registration.depositType, registered_at: row.registeredAt,
  }];
  const known = new Set(before?.batches.map((batch) => batch.eventId));
  const batches = row.batches.filter((batch) => !known.has(batch.eventId)).map((batch) => ({
    event_id: batch.eventId, allocation_id: batch.allocationId, mine_id: mineId, year: batch.year, category: batch.category,
    quota_grams: String(batch.quotaGrams), allocated_at: batch.allocatedAt,
  }));
  const grams = (of: MineRow | null, declarationId: string, year: number, category: QuotaCategory) =>
    of?.state.quotas[quotaKey(year, category)]?.draws[declarationId];
  const draws = Object.entries(row.draws)
    .filter(([id, detail]) => before?.draws[id] !== detail || grams(before, id, detail.year, detail.category) !== grams(row, id, detail.year, detail.category))
    .map(([id, detail]) => {
      const draw = grams(row, id, detail.year, detail.category);
      return {
        mine_id: mineId, declaration_id: id, consignment_id: detail.consignmentId, year: detail.year, category: detail.category,
        drawn_grams: String(draw?.drawnGrams ?? 0), returned_grams: String(draw?.returnedGrams ?? 0), return_reason: detail.returnReason,
      };
    });
  return { mine, batches, draws };
}

function byMine<Row extends { mine_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) grouped.set(row.mine_id, [...(grouped.get(row.mine_id) ?? []), row]);
  return grouped;
}

/** The registry's mine tables: one query per table to load a batch's mines, one statement per table to write them. */
export const mineTables = {
  async load(mineIds: readonly string[], tx: EntityManager): Promise<Map<string, MineRow>> {
    const ids = [[...mineIds]];
    const [mines, batches, draws]: [MineColumns[], BatchColumns[], DrawColumns[]] = [
      await tx.query(`SELECT ${Object.keys(MINE_TYPES).join(', ')} FROM registry.mines WHERE mine_id = ANY($1::text[])`, ids),
      await tx.query(
        `SELECT event_id, allocation_id, mine_id, year, category, quota_grams::text, allocated_at
           FROM registry.mine_quota_allocations WHERE mine_id = ANY($1::text[]) ORDER BY mine_id, allocated_at, event_id`,
        ids,
      ),
      await tx.query(
        `SELECT mine_id, declaration_id, consignment_id, year, category, drawn_grams::text, returned_grams::text, return_reason
           FROM registry.mine_quota_draws WHERE mine_id = ANY($1::text[])`,
        ids,
      ),
    ];
    const mineOf = new Map(mines.map((mine) => [mine.mine_id, mine]));
    const batchesOf = byMine(batches);
    const drawsOf = byMine(draws);
    const stored = new Set([...mineOf.keys(), ...batchesOf.keys(), ...drawsOf.keys()]);
    return new Map([...stored].map((id) => [id, rowOf(id, mineOf.get(id), batchesOf.get(id) ?? [], drawsOf.get(id) ?? [])]));
  },

  async save(changes: ReadonlyArray<RowChange<MineRow>>, tx: EntityManager): Promise<void> {
    const columns = changes.map(columnsOf);
    const write = async (statement: string, rows: readonly object[]) => {
      if (rows.length > 0) await tx.query(statement, [JSON.stringify(rows)]);
    };
    await write(UPSERT_MINES, columns.flatMap((change) => change.mine));
    await write(UPSERT_BATCHES, columns.flatMap((change) => change.batches));
    await write(UPSERT_DRAWS, columns.flatMap((change) => change.draws));
  },

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.mines, registry.mine_quota_allocations, registry.mine_quota_draws`);
  },
};
