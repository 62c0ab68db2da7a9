import { FoldingProjection, streamRows, type RowChange, type StreamBatch } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import { companyKey } from '../ownership/ownership-walk';
import { OWNERSHIP_ENDED, OWNERSHIP_EVENT_TYPES, OWNERSHIP_RECORDED, type OwnershipEvent } from '../ownership/ownership.events';
import { evolveOwnership, initialOwnershipState, type OwnershipState } from '../ownership/ownership.state';
import { ownershipStream } from '../ownership/ownership.stream';
import type { OwnershipFactColumns } from './ownership.read-model';

/** The projection name is also where screening reads the ownership registry's position (`projections.checkpoints`). */
export const OWNERSHIP_PROJECTION = 'registry.ownership';

/** One fact as the read model keeps it: the decider's state and when it was recorded. */
export interface OwnershipRow {
  readonly factId: string;
  readonly state: OwnershipState;
  readonly recordedAt: string | null;
}

const SELECT = `SELECT fact_id, owner_name, owner_country, owned_name, owned_country, share_percent::text AS share_percent, source,
                       to_char(as_of, 'YYYY-MM-DD') AS as_of, status, recorded_at, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason
                  FROM registry.ownership_facts`;

function rowOf(columns: OwnershipFactColumns): OwnershipRow {
  const fact = {
    factId: columns.fact_id,
    owner: { name: columns.owner_name, country: columns.owner_country },
    owned: { name: columns.owned_name, country: columns.owned_country },
    sharePercent: Number(columns.share_percent),
    source: columns.source,
    asOf: columns.as_of,
  };
  const end = columns.ended_on === null ? null : { endedOn: columns.ended_on, reason: columns.end_reason ?? '' };
  return { factId: columns.fact_id, state: { status: columns.status, fact, end }, recordedAt: new Date(columns.recorded_at).toISOString() };
}

const ownershipTables = {
  async load(factIds: readonly string[], tx: EntityManager): Promise<Map<string, OwnershipRow>> {
    const rows: OwnershipFactColumns[] = await tx.query(`${SELECT} WHERE fact_id = ANY($1::text[])`, [[...factIds]]);
    return new Map(rows.map((row) => [row.fact_id, rowOf(row)]));
  },
  async save(changes: ReadonlyArray<RowChange<OwnershipRow>>, tx: EntityManager): Promise<void> {
    for (const { after } of changes) {
      const { fact, end, status } = after.state;
      if (fact === null || after.recordedAt === null || status === 'unknown') continue;
      await tx.query(
        `INSERT INTO registry.ownership_facts
           (fact_id, owner_name, owner_country, owner_key, owned_name, owned_country, owned_key, share_percent, source, as_of, status, recorded_at, ended_on, end_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (fact_id) DO UPDATE SET status = EXCLUDED.status, ended_on = EXCLUDED.ended_on, end_reason = EXCLUDED.end_reason`,
        [
          fact.factId, fact.owner.name, fact.owner.country, companyKey(fact.owner), fact.owned.name, fact.owned.country, companyKey(fact.owned),
          fact.sharePercent, fact.source, fact.asOf, status, after.recordedAt, end?.endedOn ?? null, end?.reason ?? null,
        ],
      );
    }
  },
  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.ownership_facts`);
  },
};

/** A fact is recorded once and ended once: a replay changes nothing. */
const applied = (row: OwnershipRow, event: RecordedEvent & OwnershipEvent): boolean =>
  event.type === OWNERSHIP_RECORDED ? row.state.status !== 'unknown' : event.type === OWNERSHIP_ENDED && row.state.status === 'ended';

/**
 * The ownership registry for the walk: one row per fact with each company's key (country and name skeleton,
 * `companyKey`), computed here once, and whether the fact is in force. Folded with the decider's `evolveOwnership`.
 */
export class OwnershipProjection extends FoldingProjection<StreamBatch<OwnershipRow>> {
  constructor() {
    super(
      streamRows({
        stream: ownershipStream,
        initial: (factId: string): OwnershipRow => ({ factId, state: initialOwnershipState(), recordedAt: null }),
        applied,
        evolve: (row: OwnershipRow, event: RecordedEvent & OwnershipEvent) => ({
          ...row,
          state: evolveOwnership(row.state, event),
          recordedAt: event.type === OWNERSHIP_RECORDED ? event.recordedAt : row.recordedAt,
        }),
        ...ownershipTables,
      }),
      { name: OWNERSHIP_PROJECTION, eventTypes: OWNERSHIP_EVENT_TYPES },
    );
  }
}
