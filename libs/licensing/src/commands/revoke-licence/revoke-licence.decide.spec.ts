import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_REINSTATED, LICENCE_REVOKED } from '../../licence/licence.events';
import { approved, issued, LICENCE_ID, suspendedBy } from '../../testing/licence-events';
import { RevokeLicenceCommand } from './revoke-licence.command';
import { revokeLicenceDecider } from './revoke-licence.decide';

const revokeBy = (officer: string) =>
  new RevokeLicenceCommand(LICENCE_ID, 'End use violated', aCommandContext({ actor: { sub: officer, role: 'licensing-officer' } }));
const revoked = { type: LICENCE_REVOKED, data: { reason: 'End use violated' } } as const;

describe('revoke a licence', () => {
  it('revokes an issued licence', () => {
    spec(revokeLicenceDecider).given(issued).when(revokeBy('officer-zhao')).then([revoked]);
  });

  it('another officer revokes a suspended licence', () => {
    spec(revokeLicenceDecider).given(suspendedBy('officer-zhao')).when(revokeBy('officer-wang')).then([revoked]);
  });

  it('four-eyes-required: the suspending officer cannot revoke the suspended licence', () => {
    spec(revokeLicenceDecider).given(suspendedBy('officer-zhao')).when(revokeBy('officer-zhao')).thenRefused('four-eyes-required');
  });

  it('after a reinstatement the suspension no longer binds the revocation', () => {
    spec(revokeLicenceDecider)
      .given([...suspendedBy('officer-zhao'), { type: LICENCE_REINSTATED, data: { reason: 'cleared' } }])
      .when(revokeBy('officer-zhao'))
      .then([revoked]);
  });

  it('invalid-transition: a licence not yet issued, or revoked already, is not revoked', () => {
    spec(revokeLicenceDecider).given(approved).when(revokeBy('officer-zhao')).thenRefused('invalid-transition');
    spec(revokeLicenceDecider).given([...issued, revoked]).when(revokeBy('officer-zhao')).thenRefused('invalid-transition');
  });
});
