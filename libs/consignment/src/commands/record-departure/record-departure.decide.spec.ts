import { spec } from '@ree/testing';
import { SHIPMENT_HELD } from '../../consignment/consignment.events';
import { cancelled, CONSIGNMENT_ID, departed, released, untilShipmentDeclared } from '../../testing/consignment-events';
import { asCustoms } from '../../testing/customs';
import { RecordDepartureCommand } from './record-departure.command';
import { recordDepartureDecider } from './record-departure.decide';

const depart = () => new RecordDepartureCommand(CONSIGNMENT_ID, { departedAt: '2025-03-04T06:00:00Z', vesselOrFlight: 'COSCO Aries' }, 'op-1', asCustoms());

describe('record a departure', () => {
  it('records the departure of a released shipment', () => {
    spec(recordDepartureDecider).given([...untilShipmentDeclared, released]).when(depart()).then([departed]);
  });

  it('invalid-transition: before release, held or not', () => {
    spec(recordDepartureDecider).given(untilShipmentDeclared).when(depart()).thenRefused('invalid-transition');
    spec(recordDepartureDecider).given([...untilShipmentDeclared, { type: SHIPMENT_HELD, data: { reason: 'x-ray' } }]).when(depart()).thenRefused('invalid-transition');
    spec(recordDepartureDecider).given([...untilShipmentDeclared, cancelled]).when(depart()).thenRefused('invalid-transition');
  });

  it('invalid-transition: a second departure', () => {
    spec(recordDepartureDecider).given([...untilShipmentDeclared, released, departed]).when(depart()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found', () => {
    spec(recordDepartureDecider).given([]).when(depart()).thenNotFound();
  });
});
