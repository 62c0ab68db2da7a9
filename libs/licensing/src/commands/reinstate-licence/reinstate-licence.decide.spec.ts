import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_REINSTATED, LICENCE_SCREENED } from '../../licence/licence.events';
import { aMatch, issued, LICENCE_ID, screening, suspendedBy } from '../../testing/licence-events';
import { ReinstateLicenceCommand } from './reinstate-licence.command';
import { reinstateLicenceDecider } from './reinstate-licence.decide';

const reinstate = (result = screening()) => ({ ...new ReinstateLicenceCommand(LICENCE_ID, 'Check passed', aCommandContext()), screening: result });

describe('reinstate a licence', () => {
  it('lifts a suspension, recording the fresh screening', () => {
    spec(reinstateLicenceDecider)
      .given(suspendedBy('officer-zhao'))
      .when(reinstate())
      .then([
        { type: LICENCE_SCREENED, data: screening() },
        { type: LICENCE_REINSTATED, data: { reason: 'Check passed' } },
      ]);
  });

  it('restricted-party-match: a suspension is not lifted while a party still matches', () => {
    spec(reinstateLicenceDecider).given(suspendedBy('officer-zhao')).when(reinstate(screening([aMatch]))).thenRefused('restricted-party-match');
  });

  it('invalid-transition: only a suspended licence is reinstated', () => {
    spec(reinstateLicenceDecider).given(issued).when(reinstate()).thenRefused('invalid-transition');
  });
});
