import { spec } from '@ree/testing';
import { SHIPMENT_HELD, SHIPMENT_HOLD_LIFTED } from '../../consignment/consignment.events';
import { cancelled, CONSIGNMENT_ID, departed, registered, released, sourced, untilShipmentDeclared } from '../../testing/consignment-events';
import { asCustoms } from '../../testing/customs';
import { HoldShipmentCommand } from './hold-shipment.command';
import { holdShipmentDecider } from './hold-shipment.decide';

const hold = () => new HoldShipmentCommand(CONSIGNMENT_ID, 'Seal numbers differ from the declaration', 'op-1', asCustoms());
const held = { type: SHIPMENT_HELD, data: { reason: 'Seal numbers differ from the declaration' } } as const;
const lifted = { type: SHIPMENT_HOLD_LIFTED, data: { reason: 'resealed under supervision' } } as const;

describe('hold a shipment', () => {
  it('holds a declared shipment', () => {
    spec(holdShipmentDecider).given(untilShipmentDeclared).when(hold()).then([held]);
  });

  it('holds again after a hold was lifted', () => {
    spec(holdShipmentDecider).given([...untilShipmentDeclared, held, lifted]).when(hold()).then([held]);
  });

  it('invalid-transition: a shipment already held', () => {
    spec(holdShipmentDecider).given([...untilShipmentDeclared, held]).when(hold()).thenRefused('invalid-transition');
  });

  it('invalid-transition: before the shipment is declared, after release, after cancel', () => {
    spec(holdShipmentDecider).given([registered, sourced()]).when(hold()).thenRefused('invalid-transition');
    spec(holdShipmentDecider).given([...untilShipmentDeclared, released]).when(hold()).thenRefused('invalid-transition');
    spec(holdShipmentDecider).given([...untilShipmentDeclared, released, departed]).when(hold()).thenRefused('invalid-transition');
    spec(holdShipmentDecider).given([...untilShipmentDeclared, cancelled]).when(hold()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found', () => {
    spec(holdShipmentDecider).given([]).when(hold()).thenNotFound();
  });
});
