import { spec } from '@ree/testing';
import { SHIPMENT_HELD, SHIPMENT_HOLD_LIFTED } from '../../consignment/consignment.events';
import { cancelled, CONSIGNMENT_ID, registered, untilShipmentDeclared } from '../../testing/consignment-events';
import { asCustoms } from '../../testing/customs';
import { LiftShipmentHoldCommand } from './lift-shipment-hold.command';
import { liftShipmentHoldDecider } from './lift-shipment-hold.decide';

const lift = () => new LiftShipmentHoldCommand(CONSIGNMENT_ID, 'resealed under supervision', 'op-1', asCustoms());
const held = { type: SHIPMENT_HELD, data: { reason: 'seals broken' } } as const;
const lifted = { type: SHIPMENT_HOLD_LIFTED, data: { reason: 'resealed under supervision' } } as const;

describe('lift a shipment hold', () => {
  it('lifts the hold in force', () => {
    spec(liftShipmentHoldDecider).given([...untilShipmentDeclared, held]).when(lift()).then([lifted]);
  });

  it('invalid-transition: no hold in force, or lifted already', () => {
    spec(liftShipmentHoldDecider).given(untilShipmentDeclared).when(lift()).thenRefused('invalid-transition');
    spec(liftShipmentHoldDecider).given([...untilShipmentDeclared, held, lifted]).when(lift()).thenRefused('invalid-transition');
  });

  it('invalid-transition: before the shipment is declared, or after cancel', () => {
    spec(liftShipmentHoldDecider).given([registered]).when(lift()).thenRefused('invalid-transition');
    spec(liftShipmentHoldDecider).given([...untilShipmentDeclared, held, cancelled]).when(lift()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found', () => {
    spec(liftShipmentHoldDecider).given([]).when(lift()).thenNotFound();
  });
});
