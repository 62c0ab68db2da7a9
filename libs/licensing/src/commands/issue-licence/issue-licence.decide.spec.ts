import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_ISSUED, LICENCE_SCREENED } from '../../licence/licence.events';
import { aMatch, applied, approved, APPROVER, COUNTERSIGNER, issued, LICENCE_ID, screening } from '../../testing/licence-events';
import { IssueLicenceCommand } from './issue-licence.command';
import { issueLicenceDecider } from './issue-licence.decide';

const issueBy = (officer: string, result = screening()) =>
  ({ ...new IssueLicenceCommand(LICENCE_ID, aCommandContext({ actor: { sub: officer, role: 'licensing-officer' } })), screening: result });

describe('issue a licence', () => {
  it('a second officer countersigns an approved licence, which issues it', () => {
    spec(issueLicenceDecider)
      .given(approved)
      .when(issueBy(COUNTERSIGNER))
      .then([
        { type: LICENCE_SCREENED, data: screening() },
        { type: LICENCE_ISSUED, data: { countersignedBy: COUNTERSIGNER } },
      ]);
  });

  it('four-eyes-required: the approving officer cannot countersign', () => {
    spec(issueLicenceDecider).given(approved).when(issueBy(APPROVER)).thenRefused('four-eyes-required');
  });

  it('restricted-party-match: a party listed since the approval refuses the issue', () => {
    spec(issueLicenceDecider).given(approved).when(issueBy(COUNTERSIGNER, screening([aMatch]))).thenRefused('restricted-party-match');
  });

  it('invalid-transition: only an approved licence is issued', () => {
    spec(issueLicenceDecider).given(applied).when(issueBy(COUNTERSIGNER)).thenRefused('invalid-transition');
    spec(issueLicenceDecider).given(issued).when(issueBy('officer-zhao')).thenRefused('invalid-transition');
  });
});
