import { spec } from '@ree/testing';
import { END_USE_CHECK_RECORDED, EndUseCheckRecordedData } from '../../consignment/consignment.events';
import {
  arrived,
  asOfficer,
  closed,
  CONSIGNMENT_ID,
  departed,
  endUseChecked,
  released,
  untilEndUseChecked,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import { RecordEndUseCheckCommand } from './record-end-use-check.command';
import { recordEndUseCheckDecider } from './record-end-use-check.decide';

const check = (data: EndUseCheckRecordedData = endUseChecked.data as EndUseCheckRecordedData) =>
  new RecordEndUseCheckCommand(CONSIGNMENT_ID, data, 'op-1', asOfficer());
const afterArrival = [...untilShipmentDeclared, released, departed, arrived];

describe('record an end-use check', () => {
  it('records a check after the arrival', () => {
    spec(recordEndUseCheckDecider).given(afterArrival).when(check()).then([endUseChecked]);
  });

  it('a follow-up check after a finding is recorded too', () => {
    const diverted: EndUseCheckRecordedData = { checkedOn: '2025-07-01', outcome: 'diverted', notes: 'Magnets not at the site' };
    spec(recordEndUseCheckDecider).given([...afterArrival, endUseChecked]).when(check(diverted)).then([{ type: END_USE_CHECK_RECORDED, data: diverted }]);
  });

  it('invalid-transition: before the arrival', () => {
    spec(recordEndUseCheckDecider).given(untilShipmentDeclared).when(check()).thenRefused('invalid-transition');
    spec(recordEndUseCheckDecider).given([...untilShipmentDeclared, released, departed]).when(check()).thenRefused('invalid-transition');
  });

  it('invalid-transition: after close', () => {
    spec(recordEndUseCheckDecider).given([...untilEndUseChecked, closed]).when(check()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found', () => {
    spec(recordEndUseCheckDecider).given([]).when(check()).thenNotFound();
  });
});
