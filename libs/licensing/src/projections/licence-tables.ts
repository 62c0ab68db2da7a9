import { toGrams, toKilograms } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { GeneralLicenceEligibility, LicenceKind, LicenceParty, LicenceScreenedData } from '../licence/licence.events';
import type { AllocationState, EndorsementState, LicenceItemState, LicenceStatus } from '../licence/licence.state';
import type { RowChange } from '@ree/event-store';
import type { LicenceRow } from './licence-row';

interface LicenceColumns {
  licence_id: string;
  exporter_org: string;
  status: LicenceStatus;
  status_reason: string | null;
  destination_country: string;
  consignee: LicenceParty;
  end_user: LicenceParty;
  intended_end_use: string;
  valid_from: string | null;
  valid_until: string | null;
  conditions: string[];
  approved_by: string | null;
  countersigned_by: string | null;
  suspended_by: string | null;
  screening: LicenceScreenedData | null;
  applied_at: string;
  applied_position: string;
  updated_at: string;
  revision: number;
  kind: LicenceKind | null;
  customs_office: string | null;
  eligibility: GeneralLicenceEligibility | null;
}

interface ItemColumns {
  licence_id: string;
  item_index: number;
  product: string;
  hs_code: LicenceItemState['hsCode'];
  element: LicenceItemState['element'];
  requested_grams: string;
  issued_grams: string | null;
}

interface AllocationColumns {
  licence_id: string;
  consignment_id: string;
  item_index: number;
  allocated_grams: string;
  released_grams: string;
  shipped_grams: string;
  allocated_at: string;
}

interface EndorsementColumns {
  licence_id: string;
  number: number;
  consignment_id: string;
  customs_declaration_no: string;
  customs_office: string;
  grams: string;
  endorsed_on: string;
  withdrawn_reason: string | null;
}

const LICENCE_TYPES: Record<keyof LicenceColumns, string> = {
  licence_id: 'text', exporter_org: 'text', status: 'text', status_reason: 'text', destination_country: 'text', consignee: 'jsonb',
  end_user: 'jsonb', intended_end_use: 'text', valid_from: 'text', valid_until: 'text', conditions: 'jsonb', approved_by: 'text',
  countersigned_by: 'text', suspended_by: 'text', screening: 'jsonb', applied_at: 'timestamptz', applied_position: 'bigint',
  updated_at: 'timestamptz', revision: 'integer', kind: 'text', customs_office: 'text', eligibility: 'jsonb',
};
const ITEM_TYPES: Record<keyof ItemColumns, string> = {
  licence_id: 'text', item_index: 'integer', product: 'text', hs_code: 'text', element: 'text', requested_grams: 'bigint', issued_grams: 'bigint',
};
const ALLOCATION_TYPES: Record<keyof AllocationColumns, string> = {
  licence_id: 'text', consignment_id: 'text', item_index: 'integer', allocated_grams: 'bigint', released_grams: 'bigint',
  shipped_grams: 'bigint', allocated_at: 'timestamptz',
};

const ENDORSEMENT_TYPES: Record<keyof EndorsementColumns, string> = {
  licence_id: 'text', number: 'integer', consignment_id: 'text', customs_declaration_no: 'text', customs_office: 'text', grams: 'bigint',
  endorsed_on: 'text', withdrawn_reason: 'text',
};

/** One upsert of many rows, sent as one JSON array (`jsonb_to_recordset`). */
function upsert(table: string, types: Record<string, string>, key: readonly string[]): string {
  const columns = Object.keys(types);
  const set = columns.filter((column) => !key.includes(column)).map((column) => `${column} = EXCLUDED.${column}`);
  return `INSERT INTO licensing.${table} (${columns.join(', ')})
    SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map((column) => `${column} ${types[column]}`).join(', ')})
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${set.join(', ')}`;
}

const UPSERT_LICENCES = upsert('licences', LICENCE_TYPES, ['licence_id']);
const UPSERT_ITEMS = upsert('licence_items', ITEM_TYPES, ['licence_id', 'item_index']);
const UPSERT_ALLOCATIONS = upsert('licence_allocations', ALLOCATION_TYPES, ['licence_id', 'consignment_id']);
const UPSERT_ENDORSEMENTS = upsert('licence_endorsements', ENDORSEMENT_TYPES, ['licence_id', 'number']);

const iso = (value: Date | string): string => new Date(value).toISOString();
const grams = (value: string | number): number => Number(value);

/** The licence's row again from its columns: every field of the state is a column, and grams are whole numbers. */
function rowOf(licence: LicenceColumns, items: readonly ItemColumns[], allocations: readonly AllocationColumns[], endorsements: readonly EndorsementColumns[]): LicenceRow {
  const itemStates: LicenceItemState[] = items.map((item) => ({
    product: item.product,
    hsCode: item.hs_code,
    element: item.element,
    quantityKg: toKilograms(grams(item.requested_grams)),
    requestedGrams: grams(item.requested_grams),
    issuedGrams: item.issued_grams === null ? null : grams(item.issued_grams),
  }));
  const allocationStates: Record<string, AllocationState> = {};
  const allocatedAt: Record<string, string> = {};
  for (const allocation of allocations) {
    allocationStates[allocation.consignment_id] = {
      itemIndex: allocation.item_index,
      allocatedGrams: grams(allocation.allocated_grams),
      releasedGrams: grams(allocation.released_grams),
      shippedGrams: grams(allocation.shipped_grams),
    };
    allocatedAt[allocation.consignment_id] = iso(allocation.allocated_at);
  }
  return {
    licenceId: licence.licence_id,
    revision: licence.revision,
    state: {
      status: licence.status,
      application: {
        licenceId: licence.licence_id,
        exporterOrg: licence.exporter_org,
        consignee: licence.consignee,
        endUser: licence.end_user,
        destinationCountry: licence.destination_country,
        items: itemStates.map(({ product, hsCode, element, quantityKg }) => ({ product, hsCode, element, quantityKg })),
        intendedEndUse: licence.intended_end_use,
        // Absent, as in the application's event, when not recorded.
        ...(licence.kind === null ? {} : { kind: licence.kind }),
        ...(licence.customs_office === null ? {} : { customsOffice: licence.customs_office }),
        ...(licence.eligibility === null ? {} : { eligibility: licence.eligibility }),
      },
      screening: licence.screening,
      validFrom: licence.valid_from,
      validUntil: licence.valid_until,
      conditions: licence.conditions,
      items: itemStates,
      allocations: allocationStates,
      approvedBy: licence.approved_by,
      countersignedBy: licence.countersigned_by,
      suspendedBy: licence.suspended_by,
      endorsements: endorsements.map((endorsement): EndorsementState => ({
        number: endorsement.number,
        consignmentId: endorsement.consignment_id,
        customsDeclarationNo: endorsement.customs_declaration_no,
        customsOffice: endorsement.customs_office,
        kg: toKilograms(grams(endorsement.grams)),
        endorsedOn: endorsement.endorsed_on,
        withdrawnReason: endorsement.withdrawn_reason,
      })),
    },
    statusReason: licence.status_reason,
    appliedAt: iso(licence.applied_at),
    appliedPosition: licence.applied_position,
    updatedAt: iso(licence.updated_at),
    allocatedAt,
  };
}

/**
 * The columns of one licence's rows, written from its state: the licence's, and those of its items and allocations that
 * the batch changed. A licence not applied for has none.
 */
function columnsOf({ before, after: row }: RowChange<LicenceRow>): {
  licence: LicenceColumns;
  items: ItemColumns[];
  allocations: AllocationColumns[];
  endorsements: EndorsementColumns[];
} | null {
  const { state, licenceId } = row;
  if (state.application === null || row.appliedAt === null || row.appliedPosition === null || row.updatedAt === null) return null;
  const { application } = state;
  return {
    licence: {
      licence_id: licenceId,
      exporter_org: application.exporterOrg,
      status: state.status,
      status_reason: row.statusReason,
      destination_country: application.destinationCountry,
      consignee: application.consignee,
      end_user: application.endUser,
      intended_end_use: application.intendedEndUse,
      valid_from: state.validFrom,
      valid_until: state.validUntil,
      conditions: [...state.conditions],
      approved_by: state.approvedBy,
      countersigned_by: state.countersignedBy,
      suspended_by: state.suspendedBy,
      screening: state.screening,
      applied_at: row.appliedAt,
      applied_position: row.appliedPosition,
      updated_at: row.updatedAt,
      revision: row.revision,
      kind: application.kind ?? null,
      customs_office: application.customsOffice ?? null,
      eligibility: application.eligibility ?? null,
    },
    items: (before?.state.items === state.items ? [] : state.items).map((item, index) => ({
      licence_id: licenceId,
      item_index: index,
      product: item.product,
      hs_code: item.hsCode,
      element: item.element,
      requested_grams: String(item.requestedGrams),
      issued_grams: item.issuedGrams === null ? null : String(item.issuedGrams),
    })),
    allocations: Object.entries(state.allocations).filter(([id, allocation]) => before?.state.allocations[id] !== allocation).map(([consignmentId, allocation]) => ({
      licence_id: licenceId,
      consignment_id: consignmentId,
      item_index: allocation.itemIndex,
      allocated_grams: String(allocation.allocatedGrams),
      released_grams: String(allocation.releasedGrams),
      shipped_grams: String(allocation.shippedGrams),
      // A release or shipment without an allocation does not happen; were it folded, it would date from the last event.
      allocated_at: row.allocatedAt[consignmentId] ?? row.updatedAt!,
    })),
    // Endorsements change by number only: the new ones and those withdrawn in the batch.
    endorsements: state.endorsements
      .filter((endorsement, index) => before?.state.endorsements[index] !== endorsement)
      .map((endorsement) => ({
        licence_id: licenceId,
        number: endorsement.number,
        consignment_id: endorsement.consignmentId,
        customs_declaration_no: endorsement.customsDeclarationNo,
        customs_office: endorsement.customsOffice,
        grams: String(toGrams(endorsement.kg)),
        endorsed_on: endorsement.endorsedOn,
        withdrawn_reason: endorsement.withdrawnReason,
      })),
  };
}

function byLicence<Row extends { licence_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) grouped.set(row.licence_id, [...(grouped.get(row.licence_id) ?? []), row]);
  return grouped;
}

const LICENCE_COLUMNS = Object.keys(LICENCE_TYPES).map((column) => (column === 'applied_position' ? 'applied_position::text' : column)).join(', ');

/** Licensing's read-model tables: one query per table to load a batch's licences, one statement per table to write them. */
export const licenceTables = {
  async load(licenceIds: readonly string[], tx: EntityManager): Promise<Map<string, LicenceRow>> {
    const ids = [[...licenceIds]];
    const [licences, items, allocations, endorsements]: [LicenceColumns[], ItemColumns[], AllocationColumns[], EndorsementColumns[]] = [
      await tx.query(`SELECT ${LICENCE_COLUMNS} FROM licensing.licences WHERE licence_id = ANY($1::text[])`, ids),
      await tx.query(
        `SELECT licence_id, item_index, product, hs_code, element, requested_grams::text, issued_grams::text
           FROM licensing.licence_items WHERE licence_id = ANY($1::text[]) ORDER BY licence_id, item_index`,
        ids,
      ),
      await tx.query(
        `SELECT licence_id, consignment_id, item_index, allocated_grams::text, released_grams::text, shipped_grams::text, allocated_at
           FROM licensing.licence_allocations WHERE licence_id = ANY($1::text[]) ORDER BY licence_id, allocated_at, consignment_id`,
        ids,
      ),
      await tx.query(
        `SELECT licence_id, number, consignment_id, customs_declaration_no, customs_office, grams::text, endorsed_on, withdrawn_reason
           FROM licensing.licence_endorsements WHERE licence_id = ANY($1::text[]) ORDER BY licence_id, number`,
        ids,
      ),
    ];
    const itemsOf = byLicence(items);
    const allocationsOf = byLicence(allocations);
    const endorsementsOf = byLicence(endorsements);
    return new Map(
      licences.map((licence) => {
        const id = licence.licence_id;
        return [id, rowOf(licence, itemsOf.get(id) ?? [], allocationsOf.get(id) ?? [], endorsementsOf.get(id) ?? [])];
      }),
    );
  },

  async save(changes: ReadonlyArray<RowChange<LicenceRow>>, tx: EntityManager): Promise<void> {
    const columns = changes.map(columnsOf).filter((row) => row !== null);
    if (columns.length === 0) return;
    await tx.query(UPSERT_LICENCES, [JSON.stringify(columns.map((row) => row.licence))]);
    const items = columns.flatMap((row) => row.items);
    if (items.length > 0) await tx.query(UPSERT_ITEMS, [JSON.stringify(items)]);
    const allocations = columns.flatMap((row) => row.allocations);
    if (allocations.length > 0) await tx.query(UPSERT_ALLOCATIONS, [JSON.stringify(allocations)]);
    const endorsements = columns.flatMap((row) => row.endorsements);
    if (endorsements.length > 0) await tx.query(UPSERT_ENDORSEMENTS, [JSON.stringify(endorsements)]);
  },

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE licensing.licences, licensing.licence_items, licensing.licence_allocations, licensing.licence_endorsements`);
  },
};
