import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, pageOf } from '@ree/platform/http';
import { DataSource } from 'typeorm';
import { companyKey, nameKey } from '../../ownership/ownership-walk';
import type { OwnershipFactColumns } from '../../projections/ownership.read-model';
import { ListOwnershipQuery } from './list-ownership.query';
import { OwnershipFactResponseDto, OwnershipPageResponseDto } from './ownership.response.dto';

const toItem = (row: OwnershipFactColumns): OwnershipFactResponseDto => ({
  factId: row.fact_id,
  owner: { name: row.owner_name, country: row.owner_country },
  owned: { name: row.owned_name, country: row.owned_country },
  sharePercent: Number(row.share_percent),
  source: row.source,
  asOf: row.as_of,
  status: row.status,
  recordedAt: row.recorded_at.toISOString(),
  endedOn: row.ended_on,
  endReason: row.end_reason,
});

@QueryHandler(ListOwnershipQuery)
export class ListOwnershipHandler implements IQueryHandler<ListOwnershipQuery, OwnershipPageResponseDto> {
  constructor(private readonly dataSource: DataSource) {}

  /** By fact id (a stable order for the cursor); a company is matched by its key, with or without its country. */
  async execute({ limit, company, country, status, cursor }: ListOwnershipQuery): Promise<OwnershipPageResponseDto> {
    const after = decodeCursor(cursor, ['string']);
    const name = company === undefined ? null : nameKey(company);
    const key = company === undefined || country === undefined ? null : companyKey({ name: company, country });
    const rows: OwnershipFactColumns[] = await this.dataSource.query(
      `SELECT fact_id, owner_name, owner_country, owned_name, owned_country, share_percent::text AS share_percent, source,
              to_char(as_of, 'YYYY-MM-DD') AS as_of, status, recorded_at, to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason
         FROM registry.ownership_facts
        WHERE ($1::text IS NULL OR owner_key = $1 OR owned_key = $1)
          AND ($2::text IS NULL OR split_part(owner_key, '|', 2) = $2 OR split_part(owned_key, '|', 2) = $2)
          AND ($3::text IS NULL OR status = $3)
          AND ($4::text IS NULL OR fact_id > $4)
        ORDER BY fact_id LIMIT $5`,
      [key, name, status ?? null, after?.[0] ?? null, limit + 1],
    );
    const page = pageOf(rows, limit, toItem, (row) => [row.fact_id]);
    return { items: [...page.items], nextCursor: page.nextCursor };
  }
}
