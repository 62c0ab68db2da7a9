import { FoldingProjection, streamRows, type RowChange, type StreamBatch } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import { RESTRICTED_LIST_EVENT_TYPES, type RestrictedListEvent } from '../restricted-list/restricted-list.events';
import { evolveRestrictedList, initialRestrictedListState, type RestrictedListState } from '../restricted-list/restricted-list.state';
import { restrictedListStream } from '../restricted-list/restricted-list.stream';

export const RESTRICTED_LIST_PROJECTION = 'registry.restricted-lists';

/** One list as the read model keeps it: the decider's state and when it was defined. */
export interface RestrictedListRow {
  readonly listId: string;
  readonly state: RestrictedListState;
  readonly definedAt: string | null;
}

interface ListColumns {
  list_id: string;
  name: string;
  description: string;
  consequence: string;
  defined_at: Date | string;
}

const restrictedListTables = {
  async load(listIds: readonly string[], tx: EntityManager): Promise<Map<string, RestrictedListRow>> {
    const rows: ListColumns[] = await tx.query(`SELECT list_id, name, description, consequence, defined_at FROM registry.restricted_lists WHERE list_id = ANY($1::text[])`, [[...listIds]]);
    return new Map(
      rows.map((row) => [
        row.list_id,
        {
          listId: row.list_id,
          state: { definition: { listId: row.list_id, name: row.name, description: row.description, consequence: row.consequence as never } },
          definedAt: new Date(row.defined_at).toISOString(),
        },
      ]),
    );
  },
  async save(changes: ReadonlyArray<RowChange<RestrictedListRow>>, tx: EntityManager): Promise<void> {
    for (const { after } of changes) {
      const definition = after.state.definition;
      if (definition === null || after.definedAt === null) continue;
      await tx.query(
        `INSERT INTO registry.restricted_lists (list_id, name, description, consequence, defined_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (list_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, consequence = EXCLUDED.consequence`,
        [definition.listId, definition.name, definition.description, definition.consequence, after.definedAt],
      );
    }
  },
  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE registry.restricted_lists`);
  },
};

/** The restricted lists with their consequences, folded with the decider's `evolveRestrictedList`; a replay changes nothing. */
export class RestrictedListProjection extends FoldingProjection<StreamBatch<RestrictedListRow>> {
  constructor() {
    super(
      streamRows({
        stream: restrictedListStream,
        initial: (listId: string): RestrictedListRow => ({ listId, state: initialRestrictedListState(), definedAt: null }),
        applied: (row: RestrictedListRow) => row.state.definition !== null,
        evolve: (row: RestrictedListRow, event: RecordedEvent & RestrictedListEvent) => ({ ...row, state: evolveRestrictedList(row.state, event), definedAt: event.recordedAt }),
        ...restrictedListTables,
      }),
      { name: RESTRICTED_LIST_PROJECTION, eventTypes: RESTRICTED_LIST_EVENT_TYPES },
    );
  }
}
