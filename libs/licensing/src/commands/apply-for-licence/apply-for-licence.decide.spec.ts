import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_APPLIED, LICENCE_SCREENED } from '../../licence/licence.events';
import { aMatch, applied, application, screening } from '../../testing/licence-events';
import { ApplyForLicenceCommand } from './apply-for-licence.command';
import { applyForLicenceDecider } from './apply-for-licence.decide';

const apply = (data = application, result = screening()) =>
  ({ ...new ApplyForLicenceCommand(data, aCommandContext({ role: 'exporter' })), screening: result });

describe('apply for a licence', () => {
  it('records the application and its screening in one append', () => {
    spec(applyForLicenceDecider)
      .given([])
      .when(apply())
      .then([
        { type: LICENCE_APPLIED, data: application },
        { type: LICENCE_SCREENED, data: screening() },
      ]);
  });

  it('a restricted-party match is recorded, not refused: the approval is what it blocks', () => {
    spec(applyForLicenceDecider)
      .given([])
      .when(apply(application, screening([aMatch])))
      .then([
        { type: LICENCE_APPLIED, data: application },
        { type: LICENCE_SCREENED, data: screening([aMatch]) },
      ]);
  });

  it('the same application sent again stays quiet', () => {
    spec(applyForLicenceDecider).given(applied).when(apply()).thenNothing();
  });

  it('another application on an existing licence id is an invalid transition', () => {
    spec(applyForLicenceDecider)
      .given(applied)
      .when(apply({ ...application, intendedEndUse: 'Something else' }))
      .thenRefused('invalid-transition');
  });
});
