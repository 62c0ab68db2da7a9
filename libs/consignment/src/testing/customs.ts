import {
  evolveLicence,
  initialLicenceState,
  LICENCE_QUANTITY_ALLOCATED,
  LICENCE_QUANTITY_SHIPPED,
  LICENCE_SUSPENDED,
  LicenceEvent,
  LicenceState,
} from '@ree/licensing';
import { issuedLicenceEvents } from '@ree/licensing/testing/licence-events';
import type { CommandContext } from '@ree/shared-kernel';
import { CONSIGNMENT_ID, EXPORTER_ORG } from './consignment-events';

/**
 * The licence behind the decider specs' consignment (`licensed` attaches `lic-1` with 12 t): NdPr
 * oxide to Germany, 20 t issued, valid through 2025, 12 t allocated to the consignment.
 */
export const LICENCE_ID = 'lic-1';

export const asCustoms = (now = new Date('2025-03-01T09:00:00Z')): CommandContext => ({
  actor: { sub: 'user-customs-tianjin', role: 'customs-agent' },
  correlationId: 'test-correlation',
  now,
});

const party = { name: 'Vacuumschmelze GmbH', country: 'DE', address: 'Grüner Weg 37, Hanau' };

export const issuedLicence: LicenceEvent[] = [
  ...issuedLicenceEvents({
    application: {
      licenceId: LICENCE_ID,
      exporterOrg: EXPORTER_ORG,
      consignee: party,
      endUser: party,
      destinationCountry: 'DE',
      items: [{ product: 'Praseodymium-neodymium oxide 99 %', hsCode: '2846.90', element: 'NdPr', quantityKg: 20000 }],
      intendedEndUse: 'Sintered NdFeB magnets for wind-turbine generators',
    },
    screening: { matches: [], screenedAt: '2025-01-05T09:00:00.000Z', listPosition: null, algorithm: 'pg_trgm-similarity/normalised-name@1', threshold: 0.7 },
    approval: { validFrom: '2025-01-10', validUntil: '2025-12-31', conditions: [], issuedQuantityKg: [20000], approvedBy: 'officer-wang' },
    countersignedBy: 'officer-li',
  }),
  { type: LICENCE_QUANTITY_ALLOCATED, data: { consignmentId: CONSIGNMENT_ID, itemIndex: 0, hsCode: '2846.90', kg: 12000 } },
];

export const licenceAfter = (...events: LicenceEvent[]): LicenceState =>
  [...issuedLicence, ...events].reduce(evolveLicence, initialLicenceState());

/** Issued, in validity, 12 t held for the consignment. */
export const activeLicence = licenceAfter();
export const suspendedLicence = licenceAfter({ type: LICENCE_SUSPENDED, data: { reason: 'end user under review', suspendedBy: 'officer-li' } });
export const shippedLicence = (kg = 12000) => licenceAfter({ type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: CONSIGNMENT_ID, kg } });
