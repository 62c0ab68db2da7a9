import { spec } from '@ree/testing';
import { arrived, CONSIGNMENT_ID, departed, released, untilShipmentDeclared } from '../../testing/consignment-events';
import { asCustoms } from '../../testing/customs';
import { RecordArrivalCommand } from './record-arrival.command';
import { recordArrivalDecider } from './record-arrival.decide';

const arrive = () =>
  new RecordArrivalCommand(CONSIGNMENT_ID, { arrivedAt: '2025-04-10T14:00:00Z', portOfArrival: 'DEHAM', confirmedBy: 'Vacuumschmelze GmbH' }, 'op-1', asCustoms());

describe('record an arrival', () => {
  it('records the arrival of a shipment that departed', () => {
    spec(recordArrivalDecider).given([...untilShipmentDeclared, released, departed]).when(arrive()).then([arrived]);
  });

  it('invalid-transition: before the departure', () => {
    spec(recordArrivalDecider).given(untilShipmentDeclared).when(arrive()).thenRefused('invalid-transition');
    spec(recordArrivalDecider).given([...untilShipmentDeclared, released]).when(arrive()).thenRefused('invalid-transition');
  });

  it('invalid-transition: a second arrival', () => {
    spec(recordArrivalDecider).given([...untilShipmentDeclared, released, departed, arrived]).when(arrive()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found', () => {
    spec(recordArrivalDecider).given([]).when(arrive()).thenNotFound();
  });
});
