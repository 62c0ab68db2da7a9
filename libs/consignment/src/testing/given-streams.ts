import type { EventStore } from '@ree/event-store';
import { LicenceAppliedData, licenceStreamId } from '@ree/licensing';
import { issuedLicenceEvents } from '@ree/licensing/testing/licence-events';
import { randomUUID } from 'node:crypto';
import { MINE_REGISTERED, MineEvent, mineStreamId } from '@ree/registry';
import { CONSIGNMENT_REGISTERED, ConsignmentEvent, MINING_SOURCE_DECLARED } from '../consignment/consignment.events';
import { consignmentStreamId } from '../consignment/consignment.stream';
import { EXPORTER_ORG, registration, source } from './consignment-events';

const officer = { sub: 'officer-int-spec', role: 'licensing-officer' };

/** The end user an issued licence of these fixtures names. */
export const LICENSED_END_USER = { name: 'Vacuumschmelze GmbH & Co. KG', country: 'DE', address: 'Grüner Weg 37, 63450 Hanau' };

/**
 * An issued licence for NdPr oxide (2846.90) to Germany covering `kg`, valid through 2025, written to the store; of no
 * kind unless `kindFacts` give one (and its customs office).
 */
export async function issuedLicence(store: EventStore, licenceId: string, kg: number, kindFacts: Partial<LicenceAppliedData> = {}): Promise<void> {
  const application: LicenceAppliedData = {
    licenceId,
    exporterOrg: EXPORTER_ORG,
    consignee: { name: 'Magnetfabrik Bonn', country: 'DE', address: 'Dorotheenstraße 215, Bonn' },
    endUser: LICENSED_END_USER,
    destinationCountry: 'DE',
    items: [{ product: 'Praseodymium-neodymium oxide 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: kg }],
    intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
    ...kindFacts,
  };
  const events = issuedLicenceEvents({
    application,
    screening: { matches: [], screenedAt: '2025-01-02T09:00:00.000Z', listPosition: null, algorithm: 'int-spec', threshold: 0.85 },
    approval: { validFrom: '2025-01-01', validUntil: '2025-12-31', conditions: [], issuedQuantityKg: [kg], approvedBy: 'officer-wang' },
    countersignedBy: 'officer-li',
  });
  await store.appendToStream(licenceStreamId(licenceId), events.map((event) => ({ ...event, metadata: { actor: officer } })), {
    expectedRevision: 'no-stream',
  });
}

/**
 * A registered consignment of `quantityKg` with one mining source, written to the store; its mine
 * is registered (a cancel returns its draws) but nothing is drawn from it.
 */
export async function sourcedConsignment(store: EventStore, consignmentId: string, quantityKg: number): Promise<void> {
  const mineId = randomUUID();
  const mine: MineEvent = {
    type: MINE_REGISTERED,
    data: { mineId, name: 'Bayan Obo', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' },
  };
  await store.appendToStream(mineStreamId(mineId), [{ ...mine, metadata: { actor: officer } }], { expectedRevision: 'no-stream' });
  const events: ConsignmentEvent[] = [
    { type: CONSIGNMENT_REGISTERED, data: { ...registration, consignmentId, quantityKg, reoEquivalentKg: quantityKg } },
    { type: MINING_SOURCE_DECLARED, data: { ...source('decl-1', quantityKg), mineId } },
  ];
  const actor = { sub: 'exporter-int-spec', role: 'exporter', org: EXPORTER_ORG };
  await store.appendToStream(consignmentStreamId(consignmentId), events.map((event) => ({ ...event, metadata: { actor } })), {
    expectedRevision: 'no-stream',
  });
}
