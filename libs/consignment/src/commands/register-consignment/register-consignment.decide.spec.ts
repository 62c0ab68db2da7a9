import { spec } from '@ree/testing';
import { CONSIGNMENT_CLASSIFIED } from '../../consignment/consignment.events';
import { asExporter, registered, registration } from '../../testing/consignment-events';
import { DYSPROSIUM_ENTRY, LIST_POSITION, listOn, registeredDyOxide } from '../../testing/control-list';
import { ConsignmentRegistration } from './register-consignment.command';
import { registerConsignment, registerConsignmentDecider } from './register-consignment.decide';

const REGISTRATION_DAY = '2025-03-01';
const register = (data = registration, list = listOn(REGISTRATION_DAY)): ConsignmentRegistration => ({ consignment: data, context: asExporter(), list });

describe('register a consignment', () => {
  it('records the consignment for the exporter organisation, classified by the list in force on the day in the same append', () => {
    const events = registerConsignment(register(), registerConsignmentDecider.initialState());
    expect(events.map((event) => event.type)).toEqual([registered.type, CONSIGNMENT_CLASSIFIED]);
    expect(events[0]).toEqual(registered);
    expect(events[1].data).toMatchObject({
      stage: 'registration',
      listPosition: LIST_POSITION,
      classification: { on: REGISTRATION_DAY, controlled: false, controlCode: null, licenceRequired: false, catchAll: [] },
    });
  });

  it('a listed item is classified controlled at registration, with its entry and announcement', () => {
    const dy = registeredDyOxide.data as typeof registration;
    const [, classified] = registerConsignment(register(dy, listOn(REGISTRATION_DAY, DYSPROSIUM_ENTRY)), registerConsignmentDecider.initialState());
    expect(classified.data).toMatchObject({
      stage: 'registration',
      classification: {
        controlled: true,
        controlCode: '1C905',
        licenceRequired: true,
        entries: [{ controlCode: '1C905', announcement: 'MOFCOM/GACC Announcement No. 18 of 2025', effectiveOn: '2025-04-04' }],
      },
    });
  });

  it('the same registration sent again stays quiet', () => {
    spec(registerConsignmentDecider).given([registered]).when(register()).thenNothing();
  });

  it('invalid-transition: an existing consignment id with other details', () => {
    spec(registerConsignmentDecider).given([registered]).when(register({ ...registration, quantityKg: 1 })).thenRefused('invalid-transition');
  });
});
