import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_REVOKED, LICENCE_SUSPENDED } from '../../licence/licence.events';
import { approved, issued, LICENCE_ID, suspendedBy } from '../../testing/licence-events';
import { SuspendLicenceCommand } from './suspend-licence.command';
import { suspendLicenceDecider } from './suspend-licence.decide';

const suspend = () =>
  new SuspendLicenceCommand(LICENCE_ID, 'Diversion suspected', aCommandContext({ actor: { sub: 'officer-zhao', role: 'licensing-officer' } }));

describe('suspend a licence', () => {
  it('suspends an issued licence, recording who suspended it', () => {
    spec(suspendLicenceDecider)
      .given(issued)
      .when(suspend())
      .then([{ type: LICENCE_SUSPENDED, data: { reason: 'Diversion suspected', suspendedBy: 'officer-zhao' } }]);
  });

  it('invalid-transition: a licence not yet issued, already suspended or revoked is not suspended', () => {
    spec(suspendLicenceDecider).given(approved).when(suspend()).thenRefused('invalid-transition');
    spec(suspendLicenceDecider).given(suspendedBy('officer-wang')).when(suspend()).thenRefused('invalid-transition');
    spec(suspendLicenceDecider)
      .given([...issued, { type: LICENCE_REVOKED, data: { reason: 'r' } }])
      .when(suspend())
      .thenRefused('invalid-transition');
  });
});
