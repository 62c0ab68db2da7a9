import { spec } from '@ree/testing';
import { END_USE_CHECK_RECORDED } from '../../consignment/consignment.events';
import {
  arrived,
  asOfficer,
  cancelled,
  closed,
  CONSIGNMENT_ID,
  registered,
  untilEndUseChecked,
  untilShipmentDeclared,
  released,
  departed,
} from '../../testing/consignment-events';
import { CloseConsignmentCommand } from './close-consignment.command';
import { closeConsignmentDecider } from './close-consignment.decide';

const close = () => new CloseConsignmentCommand(CONSIGNMENT_ID, 'op-1', asOfficer());

describe('close a consignment', () => {
  it('closes a consignment whose end use has been checked', () => {
    spec(closeConsignmentDecider).given(untilEndUseChecked).when(close()).then([closed]);
  });

  it('a failed end-use check still lets the file close on its record', () => {
    const diverted = { type: END_USE_CHECK_RECORDED, data: { checkedOn: '2025-06-01', outcome: 'diverted', notes: 'not at the site' } } as const;
    spec(closeConsignmentDecider).given([...untilShipmentDeclared, released, departed, arrived, diverted]).when(close()).then([closed]);
  });

  it('invalid-transition: before the end-use check', () => {
    spec(closeConsignmentDecider).given([...untilShipmentDeclared, released, departed, arrived]).when(close()).thenRefused('invalid-transition');
    spec(closeConsignmentDecider).given([registered]).when(close()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after close or cancel', () => {
    spec(closeConsignmentDecider).given([...untilEndUseChecked, closed]).when(close()).thenRefused('invalid-transition');
    spec(closeConsignmentDecider).given([registered, cancelled]).when(close()).thenRefused('invalid-transition');
  });

  it('a consignment never registered is not found', () => {
    spec(closeConsignmentDecider).given([]).when(close()).thenNotFound();
  });
});
