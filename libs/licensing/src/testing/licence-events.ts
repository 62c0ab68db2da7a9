import {
  LICENCE_APPLIED,
  LICENCE_APPROVED,
  LICENCE_DECLARATION_ENDORSED,
  LICENCE_ISSUED,
  LICENCE_QUANTITY_ALLOCATED,
  LICENCE_SCREENED,
  LICENCE_SUSPENDED,
  LicenceAppliedData,
  LicenceApprovedData,
  LicenceEvent,
  LicenceScreenedData,
  LicenceScreeningMatch,
} from '../licence/licence.events';

/** Example histories for the licence decider specs: one application for NdPr oxide and Dy metal to Germany. */
export const LICENCE_ID = '7a0f6c52-93b1-4a4e-9d2e-5b8f3c1d2e40';
export const EXPORTER_ORG = 'org-baotou-export';
export const APPROVER = 'officer-wang';
export const COUNTERSIGNER = 'officer-li';

export const application: LicenceAppliedData = {
  licenceId: LICENCE_ID,
  exporterOrg: EXPORTER_ORG,
  consignee: { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
  endUser: { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
  destinationCountry: 'DE',
  items: [
    { product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000 },
    { product: 'Dysprosium metal ≥ 99.5 %', hsCode: '2805.30', element: 'Dy', quantityKg: 500.5 },
  ],
  intendedEndUse: 'Sintered NdFeB magnets for industrial motors',
};

export const screening = (matches: LicenceScreeningMatch[] = [], screenedAt = '2025-03-01T09:00:00.000Z'): LicenceScreenedData => ({
  matches,
  screenedAt,
  listPosition: '4398046511104',
  algorithm: 'pg_trgm-similarity/normalised-name@1',
  threshold: 0.7,
});

export const aMatch: LicenceScreeningMatch = { partyId: 'party-1', name: 'Vacuumschmeltze GmbH', score: 0.82, field: 'consignee' };

export const applied: LicenceEvent[] = [
  { type: LICENCE_APPLIED, data: application },
  { type: LICENCE_SCREENED, data: screening() },
];

export const approvedEvent = (issuedQuantityKg: number[] = [20000, 500.5]): LicenceEvent => ({
  type: LICENCE_APPROVED,
  data: { validFrom: '2025-03-01', validUntil: '2026-02-28', conditions: ['No re-export without consent'], issuedQuantityKg, approvedBy: APPROVER },
});

export const approved: LicenceEvent[] = [...applied, { type: LICENCE_SCREENED, data: screening() }, approvedEvent()];

export const issued: LicenceEvent[] = [
  ...approved,
  { type: LICENCE_SCREENED, data: screening() },
  { type: LICENCE_ISSUED, data: { countersignedBy: COUNTERSIGNER } },
];

export const suspendedBy = (officer: string): LicenceEvent[] => [
  ...issued,
  { type: LICENCE_SUSPENDED, data: { reason: 'End-use check pending', suspendedBy: officer } },
];

export const allocated = (consignmentId: string, kg: number, itemIndex = 0): LicenceEvent => ({
  type: LICENCE_QUANTITY_ALLOCATED,
  data: { consignmentId, itemIndex, hsCode: itemIndex === 0 ? '2846.90' : '2805.30', kg },
});

/** What an issued licence's history is made of; each context's fixtures state their own values. */
export interface IssuedLicenceTerms {
  readonly application: LicenceAppliedData;
  readonly screening: LicenceScreenedData;
  readonly approval: LicenceApprovedData;
  readonly countersignedBy: string;
}

/** The four events of an issued licence: applied, screened, approved, countersigned. */
export const issuedLicenceEvents = ({ application, screening, approval, countersignedBy }: IssuedLicenceTerms): LicenceEvent[] => [
  { type: LICENCE_APPLIED, data: application },
  { type: LICENCE_SCREENED, data: screening },
  { type: LICENCE_APPROVED, data: approval },
  { type: LICENCE_ISSUED, data: { countersignedBy } },
];

/** An issued licence of the same application with kind-specific facts (kind, customs office, eligibility). */
export const issuedAs = (facts: Partial<LicenceAppliedData>): LicenceEvent[] =>
  issued.map((event) => (event.type === LICENCE_APPLIED ? { type: LICENCE_APPLIED, data: { ...application, ...facts } } : event));

export const MULTI_USE_OFFICE = 'CNTSN';

/** A consignment's declaration endorsed on the licence, numbered in order. */
export const endorsed = (consignmentId: string, number: number, customsOffice = MULTI_USE_OFFICE, kg = 1000): LicenceEvent => ({
  type: LICENCE_DECLARATION_ENDORSED,
  data: { consignmentId, customsDeclarationNo: `0201202500000${String(number).padStart(5, '0')}`, customsOffice, kg, endorsedOn: '2025-06-01', number },
});
