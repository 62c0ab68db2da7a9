import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { initialReview } from '../review-document/review';
import type { ReviewDocument } from '../review-document/review-document';

/**
 * Rows of the review read model written straight into its tables, for the query specs: the shape
 * the review projection writes, without running it. Quantities in grams, as the columns hold them.
 */
/** A red flag as the document lists it and `review.flags` holds it. */
export interface FlagEntry {
  readonly code: string;
  readonly severity: string;
  readonly raisedAt: string;
  readonly detail: string;
  readonly key: string;
  readonly clearedAt: string | null;
}

export interface ConsignmentRow {
  readonly consignmentId: string;
  readonly exporterOrg: string;
  readonly status: string;
  readonly product: string;
  readonly element: string;
  readonly hsCode: string;
  readonly destinationCountry: string;
  readonly quantityGrams: number;
  readonly licenceId: string | null;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly releasedOn: string | null;
  readonly shippedGrams: number;
  readonly controlCode: string | null;
  /** Null: never classified (registered before the control list). */
  readonly controlled: boolean | null;
  readonly flags: readonly FlagEntry[];
}

export function consignmentRow(overrides: Partial<ConsignmentRow> = {}): ConsignmentRow {
  return {
    consignmentId: randomUUID(),
    exporterOrg: 'org-baotou-export',
    status: 'registered',
    product: 'Neodymium oxide 99.5 %',
    element: 'Nd',
    hsCode: '2846.90',
    destinationCountry: 'DE',
    quantityGrams: 12_000_000,
    licenceId: null,
    registeredAt: '2025-03-01T08:00:00.000Z',
    updatedAt: overrides.registeredAt ?? '2025-03-01T08:00:00.000Z',
    releasedOn: null,
    shippedGrams: 0,
    controlCode: null,
    controlled: null,
    flags: [],
    ...overrides,
  };
}

export function flagEntry(code: string, severity: string, raisedAt: string, clearedAt: string | null = null, key = code): FlagEntry {
  return { code, severity, raisedAt, detail: `${code} raised for the spec`, key, clearedAt };
}

function documentOf(row: ConsignmentRow): ReviewDocument {
  const { document } = initialReview(row.consignmentId);
  return {
    ...document,
    status: row.status as ReviewDocument['status'],
    exporterOrg: row.exporterOrg,
    product: row.product,
    productForm: 'separated-oxide',
    element: row.element,
    hsCode: row.hsCode,
    quantityKg: row.quantityGrams / 1000,
    reoEquivalentKg: row.quantityGrams / 1000,
    destinationCountry: row.destinationCountry,
    flags: row.flags,
    lastPosition: '1',
  };
}

/** Writes the consignment's row and one `review.flags` row per flag, in the document's order. */
export async function insertConsignment(dataSource: DataSource, row: ConsignmentRow): Promise<ConsignmentRow> {
  const open = row.flags.filter((flag) => flag.clearedAt === null);
  const document = documentOf(row);
  await dataSource.query(
    `INSERT INTO review.consignments (consignment_id, exporter_org, status, product, element, hs_code, destination_country,
       quantity_grams, licence_id, registered_at, updated_at, released_on, shipped_grams, open_flags, open_severities,
       last_position, document, fold, control_code, controlled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $17, $18, $19)`,
    [
      row.consignmentId, row.exporterOrg, row.status, row.product, row.element, row.hsCode, row.destinationCountry,
      row.quantityGrams, row.licenceId, row.registeredAt, row.updatedAt, row.releasedOn, row.shippedGrams,
      [...new Set(open.map((flag) => flag.code))], [...new Set(open.map((flag) => flag.severity))],
      JSON.stringify(document), JSON.stringify({}), row.controlCode, row.controlled,
    ],
  );
  for (const [seq, flag] of row.flags.entries()) {
    await dataSource.query(
      `INSERT INTO review.flags (consignment_id, seq, flag_key, code, severity, detail, exporter_org, raised_at, raised_position, cleared_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)`,
      [row.consignmentId, seq, flag.key, flag.code, flag.severity, flag.detail, row.exporterOrg, flag.raisedAt, flag.clearedAt],
    );
  }
  return row;
}
