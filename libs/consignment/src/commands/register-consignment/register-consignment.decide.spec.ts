import { spec } from '@ree/testing';
import { asExporter, registered, registration } from '../../testing/consignment-events';
import { RegisterConsignmentCommand } from './register-consignment.command';
import { registerConsignmentDecider } from './register-consignment.decide';

const register = (data = registration) =>
  new RegisterConsignmentCommand(data, 'op-1', asExporter());

describe('register a consignment', () => {
  it('records the consignment for the exporter organisation', () => {
    spec(registerConsignmentDecider).given([]).when(register()).then([registered]);
  });

  it('the same registration sent again stays quiet', () => {
    spec(registerConsignmentDecider).given([registered]).when(register()).thenNothing();
  });

  it('invalid-transition: an existing consignment id with other details', () => {
    spec(registerConsignmentDecider).given([registered]).when(register({ ...registration, quantityKg: 1 })).thenRefused('invalid-transition');
  });
});
