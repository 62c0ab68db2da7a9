import type { ConsignmentEvent, Process } from '@ree/consignment';
import type { LicenceEvent } from '@ree/licensing';
import { DEFAULT_FLAG_POLICY } from '../flags/flag-policy';
import { evaluateFlags } from '../flags/evaluate-flags';
import { foldFlagState } from '../flags/flag-state';

/** Event builders for the flag specs: only the fields the rules read are meaningful. */
type Given = ConsignmentEvent | LicenceEvent;

export const registered = (reoEquivalentKg: number): Given => ({
  type: 'ConsignmentRegistered',
  data: {
    consignmentId: 'c-1', exporterOrg: 'org-1', product: 'Neodymium oxide', productForm: 'separated-oxide', element: 'Nd',
    hsCode: '2846.90', quantityKg: reoEquivalentKg, reoEquivalentKg, destinationCountry: 'DE',
  },
});

export const source = (declarationId: string, kgReo: number, correctsId?: string): Given => {
  const data = { declarationId, mineId: 'mine-1', quotaYear: 2025, category: 'light' as const, extractionBatchRef: 'B-1', kgReo, extractedOn: '2025-01-10' };
  return correctsId
    ? { type: 'MiningSourceCorrected', data: { ...data, correctsId, reason: 'weighbridge error' } }
    : { type: 'MiningSourceDeclared', data };
};

export const step = (stepId: string, process: Process, inputKgReo: number, outputKgReo: number, correctsId?: string): Given => {
  const data = {
    stepId, process, facility: { id: 'f-1', name: 'Baotou Separation Works', region: 'Inner Mongolia' },
    inputForm: 'mixed-oxide' as const, outputForm: 'separated-oxide' as const, inputKgReo, outputKgReo, completedOn: '2025-02-01',
  };
  return correctsId
    ? { type: 'ProcessingStepCorrected', data: { ...data, correctsId, reason: 'assay corrected' } }
    : { type: 'ProcessingStepRecorded', data };
};

export const shipmentDeclared = (declaredNetKg = 1000): Given => ({
  type: 'ShipmentDeclared',
  data: {
    customsDeclarationNo: 'CD-1', portOfExport: 'CNTSN', carrier: 'COSCO', containerNos: ['MSCU1234565'], declaredNetKg,
    hsCode: '2846.90', destinationCountry: 'DE', declaredOn: '2025-03-01',
  },
});

export const inspected = (measuredNetKg: number): Given => ({
  type: 'ShipmentInspected',
  data: { inspectedOn: '2025-03-02', measuredNetKg, sealNos: ['S-1'], result: 'conforming', notes: '' },
});

export const departed = (departedAt = '2025-03-05T08:00:00.000Z'): Given => ({
  type: 'ShipmentDeparted', data: { departedAt, vesselOrFlight: 'COSCO Shipping Aries' },
});

export const arrived = (arrivedAt = '2025-04-20T10:00:00.000Z'): Given => ({
  type: 'ShipmentArrived', data: { arrivedAt, portOfArrival: 'DEHAM', confirmedBy: 'consignee' },
});

export const endUseChecked = (outcome: 'verified' | 'not-verified' | 'diverted', checkedOn = '2025-06-01'): Given => ({
  type: 'EndUseCheckRecorded', data: { checkedOn, outcome, notes: 'site visit' },
});

export const cancelled: Given = { type: 'ConsignmentCancelled', data: { reason: 'buyer withdrew' } };
export const licenceSuspended: Given = { type: 'LicenceSuspended', data: { reason: 'under investigation', suspendedBy: 'officer-1' } };
export const licenceReinstated: Given = { type: 'LicenceReinstated', data: { reason: 'investigation closed' } };
export const licenceRevoked: Given = { type: 'LicenceRevoked', data: { reason: 'false declaration' } };

/** The codes in force after the given events, evaluated at `now` (a fixed instant unless given). */
export const flagsAfter = (events: readonly Given[], now = new Date('2025-03-01T00:00:00.000Z'), policy = DEFAULT_FLAG_POLICY) =>
  evaluateFlags(foldFlagState(events), now, policy);

export const codesAfter = (events: readonly Given[], now?: Date, policy = DEFAULT_FLAG_POLICY): string[] =>
  flagsAfter(events, now, policy).map((flag) => flag.code);

/** The consignment's classification: `controlled` under 1C905 by the list of `on`, its HS code among the entry's or not. */
export const classified = (controlled: boolean, hsCodeMatches: boolean, stage: 'registration' | 'shipment-declaration' = 'registration', on = '2025-04-10'): Given => ({
  type: 'ConsignmentClassified',
  data: {
    stage,
    listPosition: '17',
    classification: {
      on, controlled, controlCode: controlled ? '1C905' : null, licenceRequired: controlled, reasons: [], entries: [], hsCodeMatches, catchAll: [],
    },
  },
});
