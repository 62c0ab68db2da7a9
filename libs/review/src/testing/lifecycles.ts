import type { Actor, RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { AppendResult, EventStore } from '@ree/event-store';

/** Test data for the review projection: lifecycles appended to a real store as the commands append them. */
export const EXPORTER: Actor = { sub: 'exporter-1', role: 'exporter', org: 'baotou-rare-earth' };
export const OFFICER: Actor = { sub: 'officer-wang', role: 'licensing-officer' };
export const COUNTERSIGNER: Actor = { sub: 'officer-li', role: 'licensing-officer' };
export const CUSTOMS: Actor = { sub: 'customs-1', role: 'customs-agent' };
export const SYSTEM: Actor = { sub: 'consignment.flags', role: 'system' };

type Event = { readonly type: string; readonly data: object };
const party = { name: 'Vacuumschmelze GmbH', country: 'DE', address: 'Grüner Weg 37, Hanau' };
const screened = (at: string): Event => ({
  type: 'LicenceScreened',
  data: { matches: [], screenedAt: at, listPosition: null, algorithm: 'pg_trgm-similarity/normalised-name@1', threshold: 0.7 },
});

/** Appends one command's events per call; `last` is the position of the latest append. */
export class Lifecycles {
  last = '0';

  constructor(private readonly store: EventStore) {}

  async append(streamId: string, events: readonly Event[], actor: Actor = EXPORTER): Promise<AppendResult> {
    const result = await this.store.appendToStream(streamId, events.map((event) => ({ ...event, metadata: { actor } })));
    this.last = result.position;
    return result;
  }

  async mine(name = 'Bayan Obo'): Promise<string> {
    const mineId = randomUUID();
    const data = { mineId, name, operator: 'Baotou Steel Rare-Earth', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C1500002009', depositType: 'bastnaesite' };
    await this.append(`mine-${mineId}`, [{ type: 'MineRegistered', data }], OFFICER);
    await this.append(`mine-${mineId}`, [{ type: 'MiningQuotaAllocated', data: { allocationId: randomUUID(), year: 2025, category: 'light', quotaKgReo: 1_000_000 } }], OFFICER);
    return mineId;
  }

  async licence(issuedKg: number): Promise<string> {
    const licenceId = randomUUID();
    const stream = `licence-${licenceId}`;
    const items = [{ product: 'Neodymium oxide', hsCode: '2846.90', element: 'Nd', quantityKg: issuedKg }];
    const applied = { licenceId, exporterOrg: EXPORTER.org, consignee: party, endUser: party, destinationCountry: 'DE', items, intendedEndUse: 'Magnets' };
    await this.append(stream, [{ type: 'LicenceApplied', data: applied }, screened('2025-03-01T09:00:00.000Z')]);
    const approved = { validFrom: '2025-01-01', validUntil: '2026-12-31', conditions: [], issuedQuantityKg: [issuedKg], approvedBy: OFFICER.sub };
    await this.append(stream, [screened('2025-03-02T09:00:00.000Z'), { type: 'LicenceApproved', data: approved }], OFFICER);
    await this.append(stream, [screened('2025-03-03T09:00:00.000Z'), { type: 'LicenceIssued', data: { countersignedBy: COUNTERSIGNER.sub } }], COUNTERSIGNER);
    return licenceId;
  }

  async register(quantityKg: number, reoEquivalentKg = quantityKg): Promise<string> {
    const consignmentId = randomUUID();
    const data = {
      consignmentId, exporterOrg: EXPORTER.org, product: 'Neodymium oxide', productForm: 'separated-oxide', element: 'Nd',
      hsCode: '2846.90', quantityKg, reoEquivalentKg, destinationCountry: 'DE',
    };
    await this.append(`consignment-${consignmentId}`, [{ type: 'ConsignmentRegistered', data }]);
    return consignmentId;
  }

  /** The draw on the mine first, then the declaration (the reservation pattern). */
  async source(consignmentId: string, mineId: string, declarationId: string, kgReo: number): Promise<void> {
    await this.append(`mine-${mineId}`, [{ type: 'MiningQuotaDrawn', data: this.draw(consignmentId, declarationId, kgReo) }]);
    const data = { declarationId, mineId, quotaYear: 2025, category: 'light', extractionBatchRef: `batch-${declarationId}`, kgReo, extractedOn: '2025-01-10' };
    await this.append(`consignment-${consignmentId}`, [{ type: 'MiningSourceDeclared', data }]);
  }

  async correctSource(consignmentId: string, mineId: string, corrected: { id: string; kgReo: number }, declarationId: string, kgReo: number): Promise<void> {
    await this.append(`mine-${mineId}`, [
      { type: 'MiningQuotaReturned', data: { ...this.draw(consignmentId, corrected.id, corrected.kgReo), reason: 'corrected' } },
      { type: 'MiningQuotaDrawn', data: this.draw(consignmentId, declarationId, kgReo) },
    ]);
    const data = {
      declarationId, mineId, quotaYear: 2025, category: 'light', extractionBatchRef: `batch-${declarationId}`, kgReo,
      extractedOn: '2025-01-10', correctsId: corrected.id, reason: 'Weighbridge error',
    };
    await this.append(`consignment-${consignmentId}`, [{ type: 'MiningSourceCorrected', data }]);
  }

  async step(consignmentId: string, stepId: string, process: string, inputKgReo: number, outputKgReo: number, correctsId?: string): Promise<void> {
    const data = {
      stepId, facility: { id: 'f-1', name: 'Baotou Separation Works', region: 'Inner Mongolia' }, process,
      inputForm: 'ore-concentrate', outputForm: 'separated-oxide', inputKgReo, outputKgReo, completedOn: '2025-02-01',
      ...(correctsId === undefined ? {} : { correctsId, reason: 'Lab re-assay' }),
    };
    await this.append(`consignment-${consignmentId}`, [{ type: correctsId === undefined ? 'ProcessingStepRecorded' : 'ProcessingStepCorrected', data }]);
  }

  async attach(consignmentId: string, licenceId: string, kg: number): Promise<void> {
    await this.append(`licence-${licenceId}`, [{ type: 'LicenceQuantityAllocated', data: { consignmentId, itemIndex: 0, hsCode: '2846.90', kg } }]);
    await this.append(`consignment-${consignmentId}`, [{ type: 'LicenceAttached', data: { licenceId, allocatedKg: kg } }]);
  }

  async endUse(consignmentId: string): Promise<void> {
    const data = {
      declarationId: randomUUID(), endUser: party, endUse: 'Permanent magnets for wind turbines', endUseCategory: 'energy',
      commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
      signatory: { name: 'A. Weber', title: 'CEO' }, signedOn: '2025-02-20', documentSha256: 'a'.repeat(64),
    };
    await this.append(`consignment-${consignmentId}`, [{ type: 'EndUseDeclarationFiled', data }]);
  }

  async declareShipment(consignmentId: string, declaredNetKg: number): Promise<void> {
    const data = {
      customsDeclarationNo: `CN-${consignmentId.slice(0, 8)}`, portOfExport: 'Tianjin', carrier: 'COSCO', containerNos: ['MSCU1234567'],
      declaredNetKg, hsCode: '2846.90', destinationCountry: 'DE', declaredOn: '2025-03-10',
    };
    await this.append(`consignment-${consignmentId}`, [{ type: 'ShipmentDeclared', data }], CUSTOMS);
  }

  /** A `ConsignmentClassified` as the consignment's commands append it (with the registration, or before the declaration). */
  async classify(
    consignmentId: string,
    stage: 'registration' | 'shipment-declaration',
    fact: { on: string; controlCode: string | null; hsCodeMatches?: boolean; licenceRequired?: boolean },
  ): Promise<void> {
    const controlled = fact.controlCode !== null;
    const entries = controlled
      ? [{ controlCode: fact.controlCode, description: 'Listed item', announcement: 'MOFCOM/GACC Announcement No. 18 of 2025', effectiveOn: '2025-04-04', textUrl: 'https://www.mofcom.gov.cn/' }]
      : [];
    const classification = {
      on: fact.on, controlled, controlCode: fact.controlCode, licenceRequired: fact.licenceRequired ?? controlled, reasons: ['for the spec'],
      entries, hsCodeMatches: fact.hsCodeMatches ?? true, catchAll: [],
    };
    await this.append(`consignment-${consignmentId}`, [{ type: 'ConsignmentClassified', data: { stage, classification, listPosition: '42' } }], stage === 'registration' ? EXPORTER : CUSTOMS);
  }

  /** A licensing officer's notice that the consignment needs a licence. */
  async notice(consignmentId: string, reason: string): Promise<void> {
    const data = { noticeId: randomUUID(), reason, notifiedBy: OFFICER.sub, notifiedOn: '2025-03-05' };
    await this.append(`consignment-${consignmentId}`, [{ type: 'LicenceRequirementNotified', data }], OFFICER);
  }

  /** A release with no licence behind it (an item no list or catch-all required one for). */
  async releaseWithoutLicence(consignmentId: string): Promise<void> {
    await this.append(`consignment-${consignmentId}`, [{ type: 'ShipmentReleased', data: { releasedOn: '2025-03-12' } }], CUSTOMS);
  }

  async inspect(consignmentId: string, measuredNetKg: number): Promise<void> {
    const data = { inspectedOn: '2025-03-11', measuredNetKg, sealNos: ['S-1'], result: 'conforming', notes: '' };
    await this.append(`consignment-${consignmentId}`, [{ type: 'ShipmentInspected', data }], CUSTOMS);
  }

  /** Ships on the licence first (and gives back the unshipped rest), then releases. */
  async release(consignmentId: string, licenceId: string, shippedKg: number, unshippedKg = 0): Promise<void> {
    const released = unshippedKg > 0 ? [{ type: 'LicenceAllocationReleased', data: { consignmentId, kg: unshippedKg, reason: 'unshipped' } }] : [];
    await this.append(`licence-${licenceId}`, [{ type: 'LicenceQuantityShipped', data: { consignmentId, kg: shippedKg } }, ...released], CUSTOMS);
    await this.append(`consignment-${consignmentId}`, [{ type: 'ShipmentReleased', data: { releasedOn: '2025-03-12' } }], CUSTOMS);
  }

  async depart(consignmentId: string): Promise<void> {
    await this.append(`consignment-${consignmentId}`, [{ type: 'ShipmentDeparted', data: { departedAt: '2025-03-13T08:00:00.000Z', vesselOrFlight: 'COSCO Shipping Aries' } }], CUSTOMS);
  }

  async arrive(consignmentId: string): Promise<void> {
    const data = { arrivedAt: '2025-04-20T10:00:00.000Z', portOfArrival: 'Hamburg', confirmedBy: CUSTOMS.sub };
    await this.append(`consignment-${consignmentId}`, [{ type: 'ShipmentArrived', data }], CUSTOMS);
  }

  async check(consignmentId: string, outcome: 'verified' | 'not-verified' | 'diverted'): Promise<void> {
    await this.append(`consignment-${consignmentId}`, [{ type: 'EndUseCheckRecorded', data: { checkedOn: '2025-06-01', outcome, notes: 'Site visit' } }], OFFICER);
  }

  async licenceDecision(licenceId: string, type: 'LicenceSuspended' | 'LicenceReinstated' | 'LicenceRevoked'): Promise<void> {
    const data = type === 'LicenceSuspended' ? { reason: 'End-use doubts', suspendedBy: OFFICER.sub } : { reason: 'Cleared' };
    await this.append(`licence-${licenceId}`, [{ type, data }], OFFICER);
  }

  /** Cancels, then gives back what the consignment held (as the cancel's handler does, after its append). */
  async cancel(consignmentId: string, draws: readonly { mineId: string; declarationId: string; kgReo: number }[], licence?: { licenceId: string; kg: number }): Promise<void> {
    await this.append(`consignment-${consignmentId}`, [{ type: 'ConsignmentCancelled', data: { reason: 'Buyer withdrew' } }]);
    for (const { mineId, declarationId, kgReo } of draws) {
      await this.append(`mine-${mineId}`, [{ type: 'MiningQuotaReturned', data: { ...this.draw(consignmentId, declarationId, kgReo), reason: 'cancelled' } }], SYSTEM);
    }
    if (licence) {
      await this.append(`licence-${licence.licenceId}`, [{ type: 'LicenceAllocationReleased', data: { consignmentId, kg: licence.kg, reason: 'cancelled' } }], SYSTEM);
    }
  }

  /** A draw or an allocation whose consignment event never came, given back by the reconciliation. */
  async orphanDraw(consignmentId: string, mineId: string, declarationId: string, kgReo: number): Promise<void> {
    await this.append(`mine-${mineId}`, [{ type: 'MiningQuotaDrawn', data: this.draw(consignmentId, declarationId, kgReo) }]);
    await this.append(`mine-${mineId}`, [{ type: 'MiningQuotaReturned', data: { ...this.draw(consignmentId, declarationId, kgReo), reason: 'orphaned-draw' } }], SYSTEM);
  }

  async orphanAllocation(consignmentId: string, licenceId: string, kg: number): Promise<void> {
    await this.append(`licence-${licenceId}`, [{ type: 'LicenceQuantityAllocated', data: { consignmentId, itemIndex: 0, hsCode: '2846.90', kg } }]);
    await this.append(`licence-${licenceId}`, [{ type: 'LicenceAllocationReleased', data: { consignmentId, kg, reason: 'orphaned-draw' } }], SYSTEM);
  }

  async flag(consignmentId: string, code: string, severity: string, detail: string): Promise<void> {
    await this.append(`consignment-${consignmentId}`, [{ type: 'ConsignmentFlagged', data: { code, severity, detail } }], SYSTEM);
  }

  private draw(consignmentId: string, declarationId: string, kgReo: number) {
    return { year: 2025, category: 'light', kgReo, consignmentId, declarationId };
  }
}

const field = (event: RecordedEvent, name: string): unknown => (event.data as Record<string, unknown>)[name];

/**
 * The input of the pure fold for one consignment, as the projection and the audit's history
 * define it: its own stream, the licences it attached and the mines its sources name; in global
 * order.
 */
export function inputOf(events: readonly RecordedEvent[], consignmentId: string): RecordedEvent[] {
  const own = `consignment-${consignmentId}`;
  const streams = new Set([own]);
  for (const event of events) {
    if (event.streamId === own && event.type === 'LicenceAttached') streams.add(`licence-${String(field(event, 'licenceId'))}`);
    if (event.streamId === own && typeof field(event, 'mineId') === 'string') streams.add(`mine-${String(field(event, 'mineId'))}`);
  }
  return events.filter((event) => streams.has(event.streamId));
}
