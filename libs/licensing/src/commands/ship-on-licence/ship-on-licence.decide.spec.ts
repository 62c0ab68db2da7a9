import { fold } from '@ree/shared-kernel';
import { spec } from '@ree/testing';
import { LICENCE_EXHAUSTED, LICENCE_QUANTITY_SHIPPED, LICENCE_SUSPENDED, LicenceEvent } from '../../licence/licence.events';
import { allocatedGrams, remainingGrams, shippedGrams } from '../../licence/licence.quantities';
import { allocated, issued, LICENCE_ID } from '../../testing/licence-events';
import { shipOnLicenceDecider } from './ship-on-licence.decide';

const ship = (kg: number, consignmentId = 'c1', now = new Date('2025-06-01T10:00:00Z')) => ({ licenceId: LICENCE_ID, consignmentId, kg, now });
const shipped = (kg: number, consignmentId = 'c1'): LicenceEvent => ({ type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId, kg } });

describe('ship on a licence', () => {
  it("records what the consignment's shipment carries, up to its allocation", () => {
    spec(shipOnLicenceDecider).given([...issued, allocated('c1', 12000)]).when(ship(11999.5)).then([shipped(11999.5)]);
  });

  it('exhausts the licence when everything issued has shipped', () => {
    const history = [...issued, allocated('c1', 12000), allocated('c2', 8000), allocated('c3', 500.5, 1), shipped(12000), shipped(500.5, 'c3')];
    spec(shipOnLicenceDecider).given(history).when(ship(8000, 'c2')).then([shipped(8000, 'c2'), { type: LICENCE_EXHAUSTED, data: {} }]);
  });

  it('the same shipment again decides nothing; another one is an invalid transition', () => {
    const history = [...issued, allocated('c1', 12000), shipped(12000)];
    spec(shipOnLicenceDecider).given(history).when(ship(12000)).thenNothing();
    spec(shipOnLicenceDecider).given(history).when(ship(100)).thenRefused('invalid-transition');
  });

  it('licence-balance-exceeded: a shipment never carries more than its allocation', () => {
    spec(shipOnLicenceDecider).given([...issued, allocated('c1', 12000)]).when(ship(12000.001)).thenRefused('licence-balance-exceeded');
    spec(shipOnLicenceDecider).given(issued).when(ship(1, 'c9')).thenRefused('licence-balance-exceeded');
  });

  it('licence-not-active: suspended, or past its validity', () => {
    const suspended = { type: LICENCE_SUSPENDED, data: { reason: 'r', suspendedBy: 'officer-zhao' } } as const;
    spec(shipOnLicenceDecider).given([...issued, allocated('c1', 12000), suspended]).when(ship(12000)).thenRefused('licence-not-active');
    spec(shipOnLicenceDecider)
      .given([...issued, allocated('c1', 12000)])
      .when(ship(12000, 'c1', new Date('2026-03-01T00:00:00Z')))
      .thenRefused('licence-not-active');
  });

  it('quantities add up exactly in grams: issued, allocated, shipped and remaining', () => {
    const state = fold(shipOnLicenceDecider, [...issued, allocated('c1', 0.1), allocated('c2', 0.2), shipped(0.1)]);
    expect([allocatedGrams(state), shippedGrams(state), remainingGrams(state)]).toEqual([300, 100, 20500500 - 300]);
  });
});
