import { spec } from '@ree/testing';
import { LICENCE_ALLOCATION_RELEASED, LICENCE_SUSPENDED } from '../../licence/licence.events';
import { allocated, approved, EXPORTER_ORG, issued, LICENCE_ID } from '../../testing/licence-events';
import { AllocateOnLicenceCommand } from './allocate-on-licence.command';
import { allocateOnLicenceDecider } from './allocate-on-licence.decide';

const allocate = (overrides: Partial<AllocateOnLicenceCommand> = {}): AllocateOnLicenceCommand => ({
  licenceId: LICENCE_ID,
  consignmentId: 'c1',
  exporterOrg: EXPORTER_ORG,
  hsCode: '2846.90',
  element: 'NdPr',
  destinationCountry: 'DE',
  kg: 12000,
  now: new Date('2025-06-01T10:00:00Z'),
  ...overrides,
});
const suspended = { type: LICENCE_SUSPENDED, data: { reason: 'r', suspendedBy: 'officer-zhao' } } as const;

describe('allocate on a licence', () => {
  it('reserves part of the item that covers the consignment', () => {
    spec(allocateOnLicenceDecider).given(issued).when(allocate()).then([allocated('c1', 12000)]);
    spec(allocateOnLicenceDecider)
      .given(issued)
      .when(allocate({ hsCode: '2805.30', element: 'Dy', kg: 500.5 }))
      .then([allocated('c1', 500.5, 1)]);
  });

  it('the same allocation again decides nothing, even after a suspension', () => {
    spec(allocateOnLicenceDecider).given([...issued, allocated('c1', 12000), suspended]).when(allocate()).thenNothing();
  });

  it('a consignment holds one allocation: another amount is an invalid transition', () => {
    spec(allocateOnLicenceDecider).given([...issued, allocated('c1', 12000)]).when(allocate({ kg: 100 })).thenRefused('invalid-transition');
  });

  it('licence-not-active: not yet countersigned, suspended, before or after its validity', () => {
    spec(allocateOnLicenceDecider).given(approved).when(allocate()).thenRefused('licence-not-active');
    spec(allocateOnLicenceDecider).given([...issued, suspended]).when(allocate()).thenRefused('licence-not-active');
    spec(allocateOnLicenceDecider).given(issued).when(allocate({ now: new Date('2025-02-28T23:59:59Z') })).thenRefused('licence-not-active');
    spec(allocateOnLicenceDecider).given(issued).when(allocate({ now: new Date('2026-03-01T00:00:00Z') })).thenRefused('licence-not-active');
  });

  it('licence-scope-mismatch: another destination, HS code or element', () => {
    spec(allocateOnLicenceDecider).given(issued).when(allocate({ destinationCountry: 'US' })).thenRefused('licence-scope-mismatch');
    spec(allocateOnLicenceDecider).given(issued).when(allocate({ hsCode: '2805.30' })).thenRefused('licence-scope-mismatch');
    spec(allocateOnLicenceDecider).given(issued).when(allocate({ element: 'Tb' })).thenRefused('licence-scope-mismatch');
  });

  it('licence-balance-exceeded: allocations never exceed the issued quantity, to the gram', () => {
    const history = [...issued, allocated('c1', 12000)];
    spec(allocateOnLicenceDecider).given(history).when(allocate({ consignmentId: 'c2', kg: 8000 })).then([allocated('c2', 8000)]);
    spec(allocateOnLicenceDecider).given(history).when(allocate({ consignmentId: 'c2', kg: 8000.001 })).thenRefused('licence-balance-exceeded');
  });

  it('a released allocation frees its quantity again', () => {
    const released = { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: 'c1', kg: 12000, reason: 'cancelled' } } as const;
    spec(allocateOnLicenceDecider)
      .given([...issued, allocated('c1', 12000), released])
      .when(allocate({ consignmentId: 'c2', kg: 20000 }))
      .then([allocated('c2', 20000)]);
  });

  it("another organisation's licence is not found, nor is an unknown one", () => {
    spec(allocateOnLicenceDecider).given(issued).when(allocate({ exporterOrg: 'org-other' })).thenNotFound();
    spec(allocateOnLicenceDecider).given([]).when(allocate()).thenNotFound();
  });
});
