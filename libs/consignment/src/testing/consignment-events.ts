import type { CommandContext } from '@ree/shared-kernel';
import {
  CONSIGNMENT_CANCELLED,
  CONSIGNMENT_CLOSED,
  CONSIGNMENT_REGISTERED,
  ConsignmentEvent,
  ConsignmentRegisteredData,
  END_USE_CHECK_RECORDED,
  END_USE_DECLARATION_FILED,
  LICENCE_ATTACHED,
  MINING_SOURCE_DECLARED,
  MiningSourceDeclaredData,
  PROCESSING_STEP_RECORDED,
  ProcessingStepRecordedData,
  SHIPMENT_ARRIVED,
  SHIPMENT_DECLARED,
  SHIPMENT_DEPARTED,
  SHIPMENT_RELEASED,
} from '../consignment/consignment.events';

/** Realistic events of one consignment for the decider specs: 12 t of NdPr oxide for Germany. */
export const CONSIGNMENT_ID = '9c4e2a71-3b5d-4e8f-a1c6-7d2b0e9f5a34';
export const EXPORTER_ORG = 'org-baotou-export';
export const MINE_ID = '1f8b3c6d-2e4a-4b9c-8d7e-5a0f3c2b1e96';

const context = (role: string, org?: string): CommandContext => ({
  actor: { sub: `user-${role}-${org ?? 'authority'}`, role, org },
  correlationId: 'test-correlation',
  now: new Date('2025-03-01T09:00:00Z'),
});
export const asExporter = (org = EXPORTER_ORG): CommandContext => context('exporter', org);
export const asOfficer = (): CommandContext => context('licensing-officer');

export const registration: ConsignmentRegisteredData = {
  consignmentId: CONSIGNMENT_ID,
  exporterOrg: EXPORTER_ORG,
  product: 'Praseodymium-neodymium oxide 99 %',
  productForm: 'separated-oxide',
  element: 'NdPr',
  hsCode: '2846.90',
  quantityKg: 12000,
  reoEquivalentKg: 12000,
  destinationCountry: 'DE',
};
export const registered: ConsignmentEvent = { type: CONSIGNMENT_REGISTERED, data: registration };

export const source = (declarationId = 'decl-1', kgReo = 14000): MiningSourceDeclaredData => ({
  declarationId,
  mineId: MINE_ID,
  quotaYear: 2025,
  category: 'light',
  extractionBatchRef: `BO-2025-${declarationId}`,
  kgReo,
  extractedOn: '2025-01-15',
});
export const sourced = (declarationId = 'decl-1', kgReo = 14000): ConsignmentEvent => ({
  type: MINING_SOURCE_DECLARED,
  data: source(declarationId, kgReo),
});

export const step = (stepId = 'step-1', inputKgReo = 14000, outputKgReo = 12600): ProcessingStepRecordedData => ({
  stepId,
  facility: { id: 'fac-baotou-sep', name: 'Baotou separation plant 2', region: 'Inner Mongolia' },
  process: 'separation',
  inputForm: 'mixed-carbonate',
  outputForm: 'separated-oxide',
  inputKgReo,
  outputKgReo,
  completedOn: '2025-02-10',
});
export const processed = (stepId = 'step-1', inputKgReo = 14000, outputKgReo = 12600): ConsignmentEvent => ({
  type: PROCESSING_STEP_RECORDED,
  data: step(stepId, inputKgReo, outputKgReo),
});

/** The rest of the lifecycle, in order, for rules that look at how far a consignment has come. */
export const licensed: ConsignmentEvent = { type: LICENCE_ATTACHED, data: { licenceId: 'lic-1', allocatedKg: 12000 } };
export const endUseDeclared: ConsignmentEvent = {
  type: END_USE_DECLARATION_FILED,
  data: {
    declarationId: 'eud-1',
    endUser: { name: 'Vacuumschmelze GmbH', country: 'DE', address: 'Grüner Weg 37, Hanau' },
    endUse: 'Sintered NdFeB magnets for wind-turbine generators',
    endUseCategory: 'energy',
    commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
    signatory: { name: 'Erika Mustermann', title: 'Head of Procurement' },
    signedOn: '2025-02-20',
    documentSha256: 'a'.repeat(64),
  },
};
export const shipmentDeclared: ConsignmentEvent = {
  type: SHIPMENT_DECLARED,
  data: {
    customsDeclarationNo: '020120250000123456',
    portOfExport: 'CNTSN',
    carrier: 'COSCO Shipping',
    containerNos: ['CSNU1234565'],
    declaredNetKg: 12000,
    hsCode: '2846.90',
    destinationCountry: 'DE',
    declaredOn: '2025-03-01',
  },
};
export const released: ConsignmentEvent = { type: SHIPMENT_RELEASED, data: { releasedOn: '2025-03-03' } };
export const departed: ConsignmentEvent = { type: SHIPMENT_DEPARTED, data: { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' } };
export const arrived: ConsignmentEvent = {
  type: SHIPMENT_ARRIVED,
  data: { arrivedAt: '2025-04-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: 'Vacuumschmelze GmbH' },
};
export const endUseChecked: ConsignmentEvent = {
  type: END_USE_CHECK_RECORDED,
  data: { checkedOn: '2025-06-01', outcome: 'verified', notes: 'Site visit in Hanau' },
};
export const cancelled: ConsignmentEvent = { type: CONSIGNMENT_CANCELLED, data: { reason: 'buyer withdrew' } };
export const closed: ConsignmentEvent = { type: CONSIGNMENT_CLOSED, data: {} };

export const untilShipmentDeclared = [registered, sourced(), processed(), licensed, endUseDeclared, shipmentDeclared];
export const untilEndUseChecked = [...untilShipmentDeclared, released, departed, arrived, endUseChecked];
