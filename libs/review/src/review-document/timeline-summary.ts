import type { RecordedEvent } from '@ree/shared-kernel';

type Data = Record<string, unknown> & {
  readonly facility?: { readonly name?: string };
  readonly endUser?: { readonly name?: string; readonly country?: string };
  readonly issuedQuantityKg?: readonly number[];
};
type Summary = (data: Data) => string;

const kg = (value: unknown): string => `${String(value)} kg`;
const because = (data: Data): string => (data.reason ? ` (${String(data.reason)})` : '');

/** One readable line per event type; the event's data stays in the history for whoever needs more. */
const SUMMARIES: Readonly<Record<string, Summary>> = {
  ConsignmentRegistered: (d) => `Registered ${kg(d.quantityKg)} of ${String(d.product)} (${String(d.element)}, HS ${String(d.hsCode)}) for ${String(d.destinationCountry)}`,
  MiningSourceDeclared: (d) => `Mining source ${String(d.declarationId)}: ${kg(d.kgReo)} REO from mine ${String(d.mineId)} (${String(d.quotaYear)} ${String(d.category)} quota)`,
  MiningSourceCorrected: (d) => `Mining source ${String(d.correctsId)} corrected by ${String(d.declarationId)}: ${kg(d.kgReo)} REO from mine ${String(d.mineId)}${because(d)}`,
  ProcessingStepRecorded: (d) => `${String(d.process)} at ${String(d.facility?.name)}: ${kg(d.inputKgReo)} in, ${kg(d.outputKgReo)} out (REO)`,
  ProcessingStepCorrected: (d) => `Processing step ${String(d.correctsId)} corrected: ${String(d.process)}, ${kg(d.inputKgReo)} in, ${kg(d.outputKgReo)} out (REO)${because(d)}`,
  LicenceAttached: (d) => `Licence ${String(d.licenceId)} attached, ${kg(d.allocatedKg)} allocated`,
  EndUseDeclarationFiled: (d) => `End-use declaration filed: ${String(d.endUser?.name)} (${String(d.endUser?.country)}), ${String(d.endUseCategory)}`,
  ShipmentDeclared: (d) =>
    `Shipment declared: ${String(d.customsDeclarationNo)}, ${kg(d.declaredNetKg)} net from ${String(d.portOfExport)}${d.controlRemark ? `, remarked ${String(d.controlRemark)}` : ''}`,
  ShipmentInspected: (d) => `Inspected: ${kg(d.measuredNetKg)} measured, ${String(d.result)}`,
  ShipmentHeld: (d) => `Shipment held${because(d)}`,
  ShipmentHoldLifted: (d) => `Hold lifted${because(d)}`,
  ShipmentReleased: (d) => `Released on ${String(d.releasedOn)}`,
  ShipmentDeparted: (d) => `Departed on ${String(d.vesselOrFlight)} at ${String(d.departedAt)}`,
  ShipmentArrived: (d) => `Arrived at ${String(d.portOfArrival)} at ${String(d.arrivedAt)}`,
  EndUseCheckRecorded: (d) => `End-use check: ${String(d.outcome)}`,
  ConsignmentClassified: (d) => {
    const c = (d.classification ?? {}) as Data;
    const listed = c.controlled ? `controlled under ${String(c.controlCode)}` : 'not on the control list';
    return `Classified at ${String(d.stage)} by the list of ${String(c.on)}: ${listed}, licence ${c.licenceRequired ? 'required' : 'not required'}`;
  },
  LicenceRequirementNotified: (d) => `Licence notice by ${String(d.notifiedBy)}: a licence is required${because(d)}`,
  ConsignmentFlagged: (d) => `Red flag ${String(d.code)} (${String(d.severity)}): ${String(d.detail)}`,
  ConsignmentCancelled: (d) => `Cancelled${because(d)}`,
  ConsignmentClosed: () => 'Closed',
  LicenceApplied: (d) => `${d.kind ? `${String(d.kind)} licence` : 'Licence'} applied for by ${String(d.exporterOrg)} for ${String(d.destinationCountry)}`,
  LicenceScreened: (d) => `Licence screened: ${Array.isArray(d.matches) ? d.matches.length : 0} match(es)`,
  LicenceApproved: (d) => `Licence approved, valid ${String(d.validFrom)} to ${String(d.validUntil)}`,
  LicenceIssued: (d) => `Licence issued, countersigned by ${String(d.countersignedBy)}`,
  LicenceRejected: (d) => `Licence rejected${because(d)}`,
  LicenceQuantityAllocated: (d) => `${kg(d.kg)} allocated on the licence`,
  LicenceAllocationReleased: (d) => `${kg(d.kg)} given back to the licence${because(d)}`,
  LicenceQuantityShipped: (d) => `${kg(d.kg)} shipped under the licence`,
  LicenceSuspended: (d) => `Licence suspended${because(d)}`,
  LicenceReinstated: (d) => `Licence reinstated${because(d)}`,
  LicenceRevoked: (d) => `Licence revoked${because(d)}`,
  LicenceExpired: () => 'Licence expired',
  LicenceExhausted: () => 'Licence exhausted: everything issued has shipped',
  LicenceDeclarationEndorsed: (d) => `Declaration ${String(d.customsDeclarationNo)} endorsed on the licence (no. ${String(d.number)}, ${String(d.customsOffice)}, ${kg(d.kg)})`,
  LicenceEndorsementWithdrawn: (d) => `Endorsement no. ${String(d.number)} withdrawn from the licence${because(d)}`,
  MiningQuotaDrawn: (d) => `${kg(d.kgReo)} REO drawn on the mine's ${String(d.year)} ${String(d.category)} quota`,
  MiningQuotaReturned: (d) => `${kg(d.kgReo)} REO returned to the mine's ${String(d.year)} ${String(d.category)} quota${because(d)}`,
};

export function summarise(event: RecordedEvent): string {
  const summary = SUMMARIES[event.type];
  return summary ? summary((event.data ?? {}) as Data) : event.type;
}
