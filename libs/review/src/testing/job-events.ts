import type { ConsignmentEvent } from '@ree/consignment';
import type { LicenceEvent } from '@ree/licensing';
import type { CommandContext } from '@ree/shared-kernel';

/** Histories for the job specs: a licence for NdPr oxide to Germany, valid through 2026-02-28, and consignments on it. */
export const LICENCE_ID = 'lic-1';

export const licenceApplied = (consignee = 'Vacuumschmelze GmbH & Co. KG', endUser = consignee): LicenceEvent[] => [
  {
    type: 'LicenceApplied',
    data: {
      licenceId: LICENCE_ID,
      exporterOrg: 'org-baotou-export',
      consignee: { name: consignee, country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
      endUser: { name: endUser, country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' },
      destinationCountry: 'DE',
      items: [{ product: 'Praseodymium-neodymium oxide ≥ 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000 }],
      intendedEndUse: 'Sintered NdFeB magnets for industrial motors',
    },
  },
  {
    type: 'LicenceScreened',
    data: { matches: [], screenedAt: '2025-03-01T09:00:00.000Z', listPosition: '1', algorithm: 'pg_trgm-similarity/normalised-name@1', threshold: 0.7 },
  },
];

export const licenceApproved: LicenceEvent = {
  type: 'LicenceApproved',
  data: { validFrom: '2025-03-01', validUntil: '2026-02-28', conditions: [], issuedQuantityKg: [20000], approvedBy: 'officer-wang' },
};

export const licenceIssued: LicenceEvent[] = [...licenceApplied(), licenceApproved, { type: 'LicenceIssued', data: { countersignedBy: 'officer-li' } }];

export const licenceSuspended = (by: string): LicenceEvent => ({ type: 'LicenceSuspended', data: { reason: 'under investigation', suspendedBy: by } });
export const licenceReinstated: LicenceEvent = { type: 'LicenceReinstated', data: { reason: 'investigation closed' } };
export const licenceRevoked: LicenceEvent = { type: 'LicenceRevoked', data: { reason: 'false declaration' } };
export const licenceExpired: LicenceEvent = { type: 'LicenceExpired', data: {} };

/** The context of a job's command: its actor and its own time. */
export const jobContext = (sub: string, now: string): CommandContext => ({ actor: { sub, role: 'system' }, correlationId: 'job-1', now: new Date(now) });

export const registered = (consignmentId = 'c-1'): ConsignmentEvent => ({
  type: 'ConsignmentRegistered',
  data: {
    consignmentId, exporterOrg: 'org-baotou-export', product: 'Praseodymium-neodymium oxide 99 %', productForm: 'separated-oxide',
    element: 'NdPr', hsCode: '2846.90', quantityKg: 12000, reoEquivalentKg: 12000, destinationCountry: 'DE',
  },
});
export const attached = (licenceId = LICENCE_ID): ConsignmentEvent => ({ type: 'LicenceAttached', data: { licenceId, allocatedKg: 12000 } });
export const shipmentDeclared: ConsignmentEvent = {
  type: 'ShipmentDeclared',
  data: {
    customsDeclarationNo: '020120250000123456', portOfExport: 'CNTSN', carrier: 'COSCO Shipping', containerNos: ['CSNU1234565'],
    declaredNetKg: 12000, hsCode: '2846.90', destinationCountry: 'DE', declaredOn: '2025-03-01',
  },
};
export const released: ConsignmentEvent = { type: 'ShipmentReleased', data: { releasedOn: '2025-03-03' } };
export const departed: ConsignmentEvent = { type: 'ShipmentDeparted', data: { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' } };
export const arrivedAt = (arrivedAt: string): ConsignmentEvent => ({
  type: 'ShipmentArrived',
  data: { arrivedAt, portOfArrival: 'DEHAM', confirmedBy: 'Vacuumschmelze GmbH' },
});
export const cancelled: ConsignmentEvent = { type: 'ConsignmentCancelled', data: { reason: 'buyer withdrew' } };
export const closed: ConsignmentEvent = { type: 'ConsignmentClosed', data: {} };
