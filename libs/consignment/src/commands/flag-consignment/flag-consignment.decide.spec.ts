import { spec } from '@ree/testing';
import { CONSIGNMENT_FLAGGED, ConsignmentEvent } from '../../consignment/consignment.events';
import {
  arrived,
  cancelled,
  closed,
  CONSIGNMENT_ID,
  departed,
  endUseChecked,
  registered,
  released,
  untilEndUseChecked,
  untilShipmentDeclared,
} from '../../testing/consignment-events';
import type { FlagConsignmentCommand } from './flag-consignment.command';
import { flagConsignmentDecider } from './flag-consignment.decide';

const flag = (code: string, severity: FlagConsignmentCommand['severity'] = 'medium', detail = `${code} detail`): FlagConsignmentCommand => ({
  consignmentId: CONSIGNMENT_ID,
  code,
  severity,
  detail,
});
const flagged = (code: string, severity: FlagConsignmentCommand['severity'] = 'medium', detail = `${code} detail`): ConsignmentEvent => ({
  type: CONSIGNMENT_FLAGGED,
  data: { code, severity, detail },
});
const inTransit = [...untilShipmentDeclared, released, departed];

describe('the system flags a consignment', () => {
  it('appends ConsignmentFlagged with the code, severity and detail given', () => {
    spec(flagConsignmentDecider).given(inTransit).when(flag('ARRIVAL_NOT_CONFIRMED')).then([flagged('ARRIVAL_NOT_CONFIRMED')]);
  });

  it('records nothing twice: a flag of that code still open decides nothing, whatever its detail', () => {
    spec(flagConsignmentDecider)
      .given([...inTransit, flagged('ARRIVAL_NOT_CONFIRMED')])
      .when(flag('ARRIVAL_NOT_CONFIRMED', 'medium', 'another wording'))
      .thenNothing();
    spec(flagConsignmentDecider)
      .given([...inTransit, flagged('RESTRICTED_PARTY_MATCH', 'critical')])
      .when(flag('RESTRICTED_PARTY_MATCH', 'critical'))
      .thenNothing();
  });

  it('flags another code beside an open one', () => {
    spec(flagConsignmentDecider)
      .given([...inTransit, flagged('ARRIVAL_NOT_CONFIRMED')])
      .when(flag('RESTRICTED_PARTY_MATCH', 'critical'))
      .then([flagged('RESTRICTED_PARTY_MATCH', 'critical')]);
  });

  it('counts a deadline flag cleared by its event (the arrival, the next end-use check) as no longer open', () => {
    const arrivedLate = [...inTransit, flagged('ARRIVAL_NOT_CONFIRMED'), arrived];
    spec(flagConsignmentDecider).given(arrivedLate).when(flag('ARRIVAL_NOT_CONFIRMED')).then([flagged('ARRIVAL_NOT_CONFIRMED')]);
    const checkedLate = [...arrivedLate, flagged('END_USE_CHECK_OVERDUE'), endUseChecked];
    spec(flagConsignmentDecider).given(checkedLate).when(flag('END_USE_CHECK_OVERDUE')).then([flagged('END_USE_CHECK_OVERDUE')]);
  });

  it('never clears a restricted-party match by itself: arrival and checks leave it open', () => {
    spec(flagConsignmentDecider)
      .given([...inTransit, flagged('RESTRICTED_PARTY_MATCH', 'critical'), arrived, endUseChecked])
      .when(flag('RESTRICTED_PARTY_MATCH', 'critical'))
      .thenNothing();
  });

  it('refuses nothing a job needs: a closed or cancelled consignment is flagged too', () => {
    spec(flagConsignmentDecider).given([...untilEndUseChecked, closed]).when(flag('RESTRICTED_PARTY_MATCH', 'critical')).then([
      flagged('RESTRICTED_PARTY_MATCH', 'critical'),
    ]);
    spec(flagConsignmentDecider).given([registered, cancelled]).when(flag('RESTRICTED_PARTY_MATCH', 'critical')).then([
      flagged('RESTRICTED_PARTY_MATCH', 'critical'),
    ]);
  });

  it('gives an unknown consignment nothing, rather than a stream that starts with a flag', () => {
    spec(flagConsignmentDecider).given([]).when(flag('RESTRICTED_PARTY_MATCH', 'critical')).thenNothing();
  });
});
