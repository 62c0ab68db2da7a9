import type { ConsignmentEvent } from '@ree/consignment';

/** Histories for the compliance job specs: consignments on one licence (`lic-1`), at each stage a job may find them. */
export const LICENCE_ID = 'lic-1';

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
/** The end-use declaration naming `endUser` (in Germany): what a consignment without a licence is matched by. */
export const endUseFiled = (endUser = 'Vacuumschmelze GmbH'): ConsignmentEvent => ({
  type: 'EndUseDeclarationFiled',
  data: {
    declarationId: 'eud-1', endUser: { name: endUser, country: 'DE', address: 'Grüner Weg 37, Hanau' }, endUse: 'Polishing powder for optical glass',
    endUseCategory: 'civil-industrial', commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
    signatory: { name: 'Erika Mustermann', title: 'Head of Procurement' }, signedOn: '2025-02-20', documentSha256: 'a'.repeat(64),
  },
});
