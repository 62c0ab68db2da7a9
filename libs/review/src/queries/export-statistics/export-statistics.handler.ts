import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toKilograms } from '@ree/shared-kernel';
import { DataSource } from 'typeorm';
import { ownOrganisationOf } from '../readers';
import { SqlConditions } from '../sql-conditions';
import type { StatisticsGrouping } from './export-statistics.request.dto';
import { ExportStatisticsQuery } from './export-statistics.query';
import { ExportStatisticsResponseDto } from './export-statistics.response.dto';

/**
 * A consignment's place on the control list by its latest classification: `controlled`,
 * `not-controlled`, or `unclassified` for one registered before the control list.
 */
const NOT_LISTED = `CASE WHEN controlled THEN 'controlled' WHEN NOT controlled THEN 'not-controlled' ELSE 'unclassified' END`;

/**
 * The SQL of each grouping's key (fixed text, never taken from the request): summed first per
 * `inner` key, then per `outer` one. A month is summed per day first, in the order of the covering
 * index, and named once per day rather than once per consignment.
 */
const KEYS: Readonly<Record<StatisticsGrouping, { readonly inner: string; readonly outer: string }>> = {
  month: { inner: 'released_on', outer: `to_char(key::timestamp, 'YYYY-MM')` },
  element: { inner: 'element', outer: 'key' },
  destinationCountry: { inner: 'destination_country', outer: 'key' },
  hsCode: { inner: 'hs_code', outer: 'key' },
  controlCode: { inner: `coalesce(control_code, ${NOT_LISTED})`, outer: 'key' },
  controlled: { inner: NOT_LISTED, outer: 'key' },
};

/**
 * Counts a consignment once customs released it (`released_on`), with its shipped grams (the
 * declared net mass recorded on the licence): summed in grams by PostgreSQL, shown in kilograms.
 * Keys sort by their characters (COLLATE "C"), whatever the database's locale. Every column read
 * is in the `consignments_released` index: a span of days is an index-only scan.
 */
@QueryHandler(ExportStatisticsQuery)
export class ExportStatisticsHandler implements IQueryHandler<ExportStatisticsQuery, ExportStatisticsResponseDto> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ groupBy, viewer, from, to }: ExportStatisticsQuery): Promise<ExportStatisticsResponseDto> {
    const conditions = new SqlConditions()
      .add(() => 'released_on IS NOT NULL')
      .addIf(from, (day) => `released_on >= ${day}::date`)
      .addIf(to, (day) => `released_on <= ${day}::date`)
      .addIf(ownOrganisationOf(viewer), (own) => `exporter_org = ${own}`);
    const rows: Array<{ key: string; shipped_grams: string; consignments: string }> = await this.dataSource.query(
      `SELECT (${KEYS[groupBy].outer}) COLLATE "C" AS key, sum(shipped_grams) AS shipped_grams, sum(consignments) AS consignments
         FROM (SELECT ${KEYS[groupBy].inner} AS key, sum(shipped_grams) AS shipped_grams, count(*) AS consignments
                 FROM review.consignments ${conditions.where}
                GROUP BY 1) AS by_inner_key
        GROUP BY 1 ORDER BY 1`,
      conditions.params,
    );
    return {
      groupBy,
      from: from ?? null,
      to: to ?? null,
      items: rows.map((row) => ({ key: row.key, shippedKg: toKilograms(Number(row.shipped_grams)), consignments: Number(row.consignments) })),
    };
  }
}
