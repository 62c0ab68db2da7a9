import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_REJECTED } from '../../licence/licence.events';
import { applied, approved, issued, LICENCE_ID } from '../../testing/licence-events';
import { RejectLicenceCommand } from './reject-licence.command';
import { rejectLicenceDecider } from './reject-licence.decide';

const reject = () => new RejectLicenceCommand(LICENCE_ID, 'End user not verifiable', aCommandContext());
const rejected = { type: LICENCE_REJECTED, data: { reason: 'End user not verifiable' } } as const;

describe('reject a licence', () => {
  it('rejects a screened application', () => {
    spec(rejectLicenceDecider).given(applied).when(reject()).then([rejected]);
  });

  it('the countersigning officer may still reject an approved licence', () => {
    spec(rejectLicenceDecider).given(approved).when(reject()).then([rejected]);
  });

  it('invalid-transition: an issued or rejected licence is not rejected', () => {
    spec(rejectLicenceDecider).given(issued).when(reject()).thenRefused('invalid-transition');
    spec(rejectLicenceDecider).given([...applied, rejected]).when(reject()).thenRefused('invalid-transition');
  });

  it('an unknown licence is not found', () => {
    spec(rejectLicenceDecider).given([]).when(reject()).thenNotFound();
  });
});
