import { LICENCE_ALLOCATION_RELEASED, LICENCE_EXHAUSTED, LICENCE_QUANTITY_ALLOCATED, LICENCE_QUANTITY_SHIPPED, LicenceEvent } from '@ree/licensing';
import { DomainRuleViolation } from '@ree/shared-kernel';
import { CONSIGNMENT_ID } from '../../testing/consignment-events';
import { activeLicence, LICENCE_ID, licenceAfter, shippedLicence, suspendedLicence } from '../../testing/customs';
import { RELEASED_UNSHIPPED, shipUnderLicence } from './ship-on-licence.decide';

const ship = (kg: number) => ({ licenceId: LICENCE_ID, consignmentId: CONSIGNMENT_ID, kg, now: new Date('2025-03-03T10:00:00Z') });
const shipped = (kg: number): LicenceEvent => ({ type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: CONSIGNMENT_ID, kg } });

describe('the licence side of a release', () => {
  it('records the full allocation as shipped, and nothing is left to give back', () => {
    expect(shipUnderLicence(ship(12000), activeLicence)).toEqual([shipped(12000)]);
  });

  it('gives back what the shipment did not carry, in the same append', () => {
    expect(shipUnderLicence(ship(11500.25), activeLicence)).toEqual([
      shipped(11500.25),
      { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: CONSIGNMENT_ID, kg: 499.75, reason: RELEASED_UNSHIPPED } },
    ]);
  });

  it('exhausts the licence when everything issued has shipped', () => {
    const otherShipped = licenceAfter(
      { type: LICENCE_QUANTITY_ALLOCATED, data: { consignmentId: 'other', itemIndex: 0, hsCode: '2846.90', kg: 8000 } },
      { type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId: 'other', kg: 8000 } },
    );
    expect(shipUnderLicence(ship(12000), otherShipped)).toEqual([shipped(12000), { type: LICENCE_EXHAUSTED, data: {} }]);
  });

  it('a retry finds the shipment and the release recorded, and decides nothing', () => {
    const after = licenceAfter(shipped(11000), { type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId: CONSIGNMENT_ID, kg: 1000, reason: RELEASED_UNSHIPPED } });
    expect(shipUnderLicence(ship(11000), after)).toEqual([]);
    expect(shipUnderLicence(ship(12000), shippedLicence())).toEqual([]);
  });

  it('licence-not-active on a suspended licence: nothing shipped, nothing given back', () => {
    expect(() => shipUnderLicence(ship(12000), suspendedLicence)).toThrow(expect.objectContaining({ code: 'licence-not-active' }));
    expect(() => shipUnderLicence(ship(12000), suspendedLicence)).toThrow(DomainRuleViolation);
  });
});
