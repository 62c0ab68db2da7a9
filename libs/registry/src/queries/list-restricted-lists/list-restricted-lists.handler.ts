import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { REFERENCE_LISTS } from '../../restricted-list/reference-lists';
import type { ListConsequence } from '../../screening/party-screening';
import { ListRestrictedListsQuery } from './list-restricted-lists.query';
import { RestrictedListsResponseDto } from './restricted-list.response.dto';

interface ListRow {
  list_id: string;
  name: string;
  description: string;
  consequence: ListConsequence;
  defined_at: Date;
}

const REFERENCE_IDS = REFERENCE_LISTS.map((list) => list.listId);

@QueryHandler(ListRestrictedListsQuery)
export class ListRestrictedListsHandler implements IQueryHandler<ListRestrictedListsQuery, RestrictedListsResponseDto> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<RestrictedListsResponseDto> {
    const rows: ListRow[] = await this.dataSource.query(
      `SELECT list_id, name, description, consequence, defined_at FROM registry.restricted_lists
        ORDER BY array_position($1::text[], list_id) NULLS LAST, name, list_id`,
      [REFERENCE_IDS],
    );
    return {
      items: rows.map((row) => ({
        listId: row.list_id,
        name: row.name,
        description: row.description,
        consequence: row.consequence,
        reference: REFERENCE_IDS.includes(row.list_id),
        definedAt: row.defined_at.toISOString(),
      })),
    };
  }
}
