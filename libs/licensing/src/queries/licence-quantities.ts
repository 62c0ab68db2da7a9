import { toKilograms } from '@ree/shared-kernel';
import type { LicenceQuantitiesResponseDto } from './get-licence/licence.response.dto';

/** Sums in grams, as the database returns them (bigint as strings), turned into the kilograms the API shows. */
export interface QuantityRow {
  issued_grams: string | null;
  allocated_grams: string | null;
  shipped_grams: string | null;
}

export function quantitiesOf(row: QuantityRow): LicenceQuantitiesResponseDto {
  const issued = Number(row.issued_grams ?? 0);
  const allocated = Number(row.allocated_grams ?? 0);
  return {
    issuedKg: toKilograms(issued),
    allocatedKg: toKilograms(allocated),
    shippedKg: toKilograms(Number(row.shipped_grams ?? 0)),
    remainingKg: toKilograms(issued - allocated),
  };
}

/** Per licence: issued grams from its items, allocated (net of releases) and shipped grams from its allocations. */
export const LICENCE_TOTALS_SQL = `
  SELECT l.licence_id,
         (SELECT sum(issued_grams) FROM licensing.licence_items i WHERE i.licence_id = l.licence_id) AS issued_grams,
         (SELECT sum(allocated_grams - released_grams) FROM licensing.licence_allocations a WHERE a.licence_id = l.licence_id) AS allocated_grams,
         (SELECT sum(shipped_grams) FROM licensing.licence_allocations a WHERE a.licence_id = l.licence_id) AS shipped_grams
    FROM licensing.licences l WHERE l.licence_id = ANY($1)`;
