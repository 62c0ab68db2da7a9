import type { Actor, RecordedEvent } from '@ree/shared-kernel';

/** Test data for the review specs: a history across streams, in global order, one minute apart. */
export const CONSIGNMENT_ID = '6f1c2b7e-0000-4000-8000-000000000001';
export const LICENCE_ID = '6f1c2b7e-0000-4000-8000-0000000000a1';
export const MINE_ID = '6f1c2b7e-0000-4000-8000-0000000000b1';
export const CONSIGNMENT = `consignment-${CONSIGNMENT_ID}`;
export const LICENCE = `licence-${LICENCE_ID}`;
export const MINE = `mine-${MINE_ID}`;

export const EXPORTER: Actor = { sub: 'exporter-1', role: 'exporter', org: 'baotou-rare-earth' };
export const OFFICER: Actor = { sub: 'officer-1', role: 'licensing-officer' };
export const CUSTOMS: Actor = { sub: 'customs-1', role: 'customs-agent' };
export const SYSTEM: Actor = { sub: 'system', role: 'system' };

export class History {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private position = 1000n;
  private clock = Date.parse('2025-03-01T09:00:00Z');

  record(streamId: string, type: string, data: unknown, actor: Actor = EXPORTER): this {
    const revision = this.revisions.get(streamId) ?? 0;
    this.revisions.set(streamId, revision + 1);
    this.position += 7n;
    this.clock += 60_000;
    this.events.push({
      eventId: `${streamId}-${revision}`,
      type,
      schemaVersion: 1,
      streamId,
      revision,
      position: String(this.position),
      recordedAt: new Date(this.clock).toISOString(),
      data,
      metadata: { actor, correlationId: 'c', causationId: null, prevHash: '0'.repeat(64), hash: '0'.repeat(64) },
    });
    return this;
  }

  consignment(type: string, data: unknown, actor: Actor = EXPORTER): this {
    return this.record(CONSIGNMENT, type, data, actor);
  }

  get last(): RecordedEvent {
    return this.events[this.events.length - 1];
  }
}

export const registered = (quantityKg = 1000, reoEquivalentKg = quantityKg) => ({
  consignmentId: CONSIGNMENT_ID,
  exporterOrg: 'baotou-rare-earth',
  product: 'Neodymium oxide',
  productForm: 'separated-oxide',
  element: 'Nd',
  hsCode: '2846.90',
  quantityKg,
  reoEquivalentKg,
  destinationCountry: 'DE',
});

export const source = (declarationId: string, kgReo: number, extra: object = {}) => ({
  declarationId,
  mineId: MINE_ID,
  quotaYear: 2025,
  category: 'light',
  extractionBatchRef: `batch-${declarationId}`,
  kgReo,
  extractedOn: '2025-01-10',
  ...extra,
});

export const step = (stepId: string, process: string, inputKgReo: number, outputKgReo: number, extra: object = {}) => ({
  stepId,
  facility: { id: 'f-1', name: 'Baotou Separation Works', region: 'Inner Mongolia' },
  process,
  inputForm: 'ore-concentrate',
  outputForm: 'separated-oxide',
  inputKgReo,
  outputKgReo,
  completedOn: '2025-02-01',
  ...extra,
});

export const shipmentDeclared = (declaredNetKg = 1000) => ({
  customsDeclarationNo: 'CN-2025-0001',
  portOfExport: 'Tianjin',
  carrier: 'COSCO',
  containerNos: ['MSCU1234567'],
  declaredNetKg,
  hsCode: '2846.90',
  destinationCountry: 'DE',
  declaredOn: '2025-03-02',
});

export const endUseFiled = () => ({
  declarationId: 'eud-1',
  endUser: { name: 'Magnetwerk GmbH', country: 'DE', address: 'Hanau' },
  endUse: 'Permanent magnets for wind turbines',
  endUseCategory: 'energy',
  commitments: { noMilitaryUse: true, noReexportWithoutConsent: true, acceptsPostShipmentChecks: true },
  signatory: { name: 'A. Weber', title: 'CEO' },
  signedOn: '2025-02-20',
  documentSha256: 'a'.repeat(64),
});

/** A licence applied for, approved and issued for `issuedKg`. */
export function issuedLicence(history: History, issuedKg: number, kindFacts: Record<string, unknown> = {}): History {
  return history
    .record(LICENCE, 'LicenceApplied', {
      licenceId: LICENCE_ID,
      exporterOrg: 'baotou-rare-earth',
      consignee: { name: 'Magnetwerk GmbH', country: 'DE', address: 'Hanau' },
      endUser: { name: 'Magnetwerk GmbH', country: 'DE', address: 'Hanau' },
      destinationCountry: 'DE',
      items: [{ product: 'Neodymium oxide', hsCode: '2846.90', element: 'Nd', quantityKg: issuedKg }],
      intendedEndUse: 'magnets',
      ...kindFacts,
    })
    .record(LICENCE, 'LicenceApproved', { validFrom: '2025-01-01', validUntil: '2025-12-31', conditions: [], issuedQuantityKg: [issuedKg], approvedBy: 'officer-1' }, OFFICER)
    .record(LICENCE, 'LicenceIssued', { countersignedBy: 'officer-2' }, { sub: 'officer-2', role: 'licensing-officer' });
}
