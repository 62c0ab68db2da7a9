import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { pageOf } from '@ree/platform/http';
import { toKilograms } from '@ree/shared-kernel';
import { DataSource } from 'typeorm';
import { decodeKeysetCursor } from '../keyset-cursor';
import { highestSeverityOf, ownOrganisationOf } from '../readers';
import { CURSOR_INSTANT, EPOCH_MS, SqlConditions } from '../sql-conditions';
import { ConsignmentPageResponseDto, ConsignmentSummaryResponseDto } from './consignment-summary.response.dto';
import { SearchConsignmentsQuery } from './search-consignments.query';

interface SummaryRow {
  consignment_id: string;
  status: string;
  exporter_org: string;
  product: string;
  element: string;
  hs_code: string;
  quantity_grams: string;
  destination_country: string;
  registered_at: Date;
  updated_at: Date;
  licence_id: string | null;
  control_code: string | null;
  controlled: boolean | null;
  open_flags: string[];
  open_severities: string[];
  registered_key: string;
}

const summaryOf = (row: SummaryRow): ConsignmentSummaryResponseDto => ({
  consignmentId: row.consignment_id,
  status: row.status,
  exporterOrg: row.exporter_org,
  product: row.product,
  element: row.element,
  hsCode: row.hs_code,
  quantityKg: toKilograms(Number(row.quantity_grams)),
  destinationCountry: row.destination_country,
  registeredAt: row.registered_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  licenceId: row.licence_id,
  controlCode: row.control_code,
  controlled: row.controlled,
  openFlags: row.open_flags,
  highestSeverity: highestSeverityOf(row.open_severities),
});

/**
 * Newest registered first, keyset-paged on (registered_at, consignment_id): a page costs the same
 * however deep it is, and a consignment registered meanwhile never shifts the pages that follow.
 * Every equality filter has an index that ends in the sort key; open flags and severities are
 * arrays matched with `@>` on their GIN indexes (docs/review.md, "Search and its indexes").
 */
@QueryHandler(SearchConsignmentsQuery)
export class SearchConsignmentsHandler implements IQueryHandler<SearchConsignmentsQuery, ConsignmentPageResponseDto> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ filter, viewer, limit, cursor }: SearchConsignmentsQuery): Promise<ConsignmentPageResponseDto> {
    const after = decodeKeysetCursor(cursor, ['instant', 'string']);
    const conditions = new SqlConditions()
      .addIf(ownOrganisationOf(viewer), (own) => `exporter_org = ${own}`)
      .addIf(filter.exporterOrg, (org) => `exporter_org = ${org}`)
      .addIf(filter.status, (status) => `status = ${status}`)
      .addIf(filter.flag, (code) => `open_flags @> ARRAY[${code}]::text[]`)
      .addIf(filter.severity, (severity) => `open_severities @> ARRAY[${severity}]::text[]`)
      .addIf(filter.destinationCountry, (country) => `destination_country = ${country}`)
      .addIf(filter.element, (element) => `element = ${element}`)
      .addIf(filter.controlCode, (code) => `control_code = ${code}`)
      .addIf(filter.controlled, (controlled) => `controlled = ${controlled}`)
      .addIf(filter.registeredFrom, (from) => `registered_at >= ${EPOCH_MS(from)}`)
      .addIf(filter.registeredBefore, (to) => `registered_at < ${EPOCH_MS(to)}`);
    if (after) conditions.add((at, id) => `(registered_at, consignment_id) < (${at}::timestamptz, ${id})`, ...after);
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT consignment_id, status, exporter_org, product, element, hs_code, quantity_grams, destination_country,
              registered_at, updated_at, licence_id, control_code, controlled, open_flags, open_severities, ${CURSOR_INSTANT('registered_at')} AS registered_key
         FROM review.consignments ${conditions.where}
        ORDER BY registered_at DESC, consignment_id DESC
        LIMIT ${conditions.next(limit + 1)}`,
      conditions.params,
    );
    const page = pageOf(rows, limit, summaryOf, (row) => [row.registered_key, row.consignment_id]);
    return { items: [...page.items], nextCursor: page.nextCursor };
  }
}
