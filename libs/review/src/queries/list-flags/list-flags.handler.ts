import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { pageOf } from '@ree/platform/http';
import { DataSource } from 'typeorm';
import { decodeKeysetCursor } from '../keyset-cursor';
import { ownOrganisationOf } from '../readers';
import { CURSOR_INSTANT, SqlConditions } from '../sql-conditions';
import { FlagPageResponseDto, FlagResponseDto } from './flag.response.dto';
import { ListFlagsQuery } from './list-flags.query';

interface FlagRow {
  consignment_id: string;
  seq: number;
  exporter_org: string;
  code: string;
  severity: string;
  detail: string;
  raised_at: Date;
  cleared_at: Date | null;
  raised_key: string;
}

const flagOf = (row: FlagRow): FlagResponseDto => ({
  consignmentId: row.consignment_id,
  exporterOrg: row.exporter_org,
  code: row.code,
  severity: row.severity,
  detail: row.detail,
  raisedAt: row.raised_at.toISOString(),
  clearedAt: row.cleared_at?.toISOString() ?? null,
  open: row.cleared_at === null,
});

/**
 * Newest raised first, keyset-paged on (raised_at, consignment_id, seq): `seq` is the flag's place
 * in its consignment's document, so two flags raised by one event keep a stable order.
 */
@QueryHandler(ListFlagsQuery)
export class ListFlagsHandler implements IQueryHandler<ListFlagsQuery, FlagPageResponseDto> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filter, viewer, limit, cursor }: ListFlagsQuery): Promise<FlagPageResponseDto> {
    const after = decodeKeysetCursor(cursor, ['instant', 'string', 'integer']);
    const conditions = new SqlConditions()
      .add(() => (filter.open ? 'cleared_at IS NULL' : 'cleared_at IS NOT NULL'))
      .addIf(ownOrganisationOf(viewer), (own) => `exporter_org = ${own}`)
      .addIf(filter.code, (code) => `code = ${code}`)
      .addIf(filter.severity, (severity) => `severity = ${severity}`);
    if (after) conditions.add((at, id, seq) => `(raised_at, consignment_id, seq) < (${at}::timestamptz, ${id}, ${seq}::integer)`, ...after);
    const rows: FlagRow[] = await this.dataSource.query(
      `SELECT consignment_id, seq, exporter_org, code, severity, detail, raised_at, cleared_at, ${CURSOR_INSTANT('raised_at')} AS raised_key
         FROM review.flags ${conditions.where}
        ORDER BY raised_at DESC, consignment_id DESC, seq DESC
        LIMIT ${conditions.next(limit + 1)}`,
      conditions.params,
    );
    const page = pageOf(rows, limit, flagOf, (row) => [row.raised_key, row.consignment_id, row.seq]);
    return { items: [...page.items], nextCursor: page.nextCursor };
  }
}
