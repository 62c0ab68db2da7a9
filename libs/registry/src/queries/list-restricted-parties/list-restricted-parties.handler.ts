import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { referenceList } from '../../restricted-list/reference-lists';
import { normaliseName } from '../../screening/name-normaliser';
import type { ListConsequence } from '../../screening/party-screening';
import { decodeCursor, pageOf } from '@ree/platform/http';
import { ListRestrictedPartiesQuery } from './list-restricted-parties.query';
import { RestrictedPartyPageResponseDto, RestrictedPartyResponseDto } from './restricted-party.response.dto';

/** A search shows weaker resemblances than screening does: it is for a person to look through. */
export const SEARCH_THRESHOLD = 0.3;

interface PartyRow {
  party_id: string;
  name: string;
  aliases: string[];
  country: string;
  reason: string;
  list_reference: string;
  status: 'listed' | 'delisted';
  listed_at: Date;
  delisted_at: Date | null;
  delisting_reason: string | null;
  list_id: string;
  list_name: string | null;
  consequence: ListConsequence | null;
  score?: number;
}

const COLUMNS = `p.party_id, p.name, p.aliases, p.country, p.reason, p.list_reference, p.status, p.listed_at, p.delisted_at, p.delisting_reason,
  p.list_id, l.name AS list_name, l.consequence`;
const LISTS = `LEFT JOIN registry.restricted_lists l ON l.list_id = p.list_id`;

function toItem(row: PartyRow): RestrictedPartyResponseDto {
  return {
    partyId: row.party_id,
    name: row.name,
    aliases: row.aliases,
    country: row.country,
    reason: row.reason,
    listReference: row.list_reference,
    status: row.status,
    listedAt: row.listed_at.toISOString(),
    delistedAt: row.delisted_at?.toISOString() ?? null,
    delistingReason: row.delisting_reason,
    listId: row.list_id,
    listName: row.list_name ?? referenceList(row.list_id)?.name ?? null,
    consequence: row.consequence ?? referenceList(row.list_id)?.consequence ?? null,
    ...(row.score === undefined ? {} : { score: Math.round(row.score * 10000) / 10000 }),
  };
}

@QueryHandler(ListRestrictedPartiesQuery)
export class ListRestrictedPartiesHandler implements IQueryHandler<ListRestrictedPartiesQuery, RestrictedPartyPageResponseDto> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(query: ListRestrictedPartiesQuery): Promise<RestrictedPartyPageResponseDto> {
    const page = query.query === undefined ? await this.byName(query) : await this.search(query, query.query);
    return { items: [...page.items], nextCursor: page.nextCursor };
  }

  private async byName({ limit, country, cursor }: ListRestrictedPartiesQuery) {
    const after = decodeCursor(cursor, ['string', 'string']);
    const rows: PartyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM registry.restricted_parties p ${LISTS}
        WHERE ($1::text IS NULL OR p.country = $1)
          AND ($2::text IS NULL OR (p.name, p.party_id) > ($2, $3))
        ORDER BY p.name, p.party_id LIMIT $4`,
      [country ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return pageOf(rows, limit, toItem, (row) => [row.name, row.party_id]);
  }

  /** Best score first; the cursor is the last (score, party id), so pages neither repeat nor skip. */
  private async search({ limit, country, cursor }: ListRestrictedPartiesQuery, text: string) {
    const after = decodeCursor(cursor, ['number', 'string']);
    const rows: PartyRow[] = await this.dataSource.query(
      `WITH scored AS (
         SELECT n.party_id, max(similarity(n.normalised, $1))::float8 AS score
           FROM registry.restricted_party_names n
          WHERE similarity(n.normalised, $1) >= $2
          GROUP BY n.party_id)
       SELECT ${COLUMNS}, s.score FROM scored s JOIN registry.restricted_parties p ON p.party_id = s.party_id ${LISTS}
        WHERE ($3::text IS NULL OR p.country = $3)
          AND ($4::float8 IS NULL OR (s.score, p.party_id) < ($4::float8, $5::text))
        ORDER BY s.score DESC, p.party_id DESC LIMIT $6`,
      [normaliseName(text), SEARCH_THRESHOLD, country ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return pageOf(rows, limit, toItem, (row) => [row.score ?? 0, row.party_id]);
  }
}
