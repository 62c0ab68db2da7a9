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

  it('records the kind and its facts: a multi-use licence names its customs office, a general one its eligibility', () => {
    const multiUse = { ...application, kind: 'multi-use' as const, customsOffice: 'CNTSN' };
    spec(applyForLicenceDecider).given([]).when(apply(multiUse)).then([{ type: LICENCE_APPLIED, data: multiUse }, { type: LICENCE_SCREENED, data: screening() }]);
    const general = { ...application, kind: 'general' as const, eligibility: { internalControlProgramme: true, noPenaltiesInThreeYears: true, evidence: 'ICP record 2024-017' } };
    spec(applyForLicenceDecider).given([]).when(apply(general)).then([{ type: LICENCE_APPLIED, data: general }, { type: LICENCE_SCREENED, data: screening() }]);
  });

  it('customs-office-required: a multi-use application without its customs office', () => {
    spec(applyForLicenceDecider).given([]).when(apply({ ...application, kind: 'multi-use' })).thenRefused('customs-office-required');
  });

  it('general-licence-ineligible: a general licence without an internal control programme, with a recent penalty, or without the facts', () => {
    const general = (eligibility?: { internalControlProgramme: boolean; noPenaltiesInThreeYears: boolean }) => ({ ...application, kind: 'general' as const, eligibility });
    spec(applyForLicenceDecider).given([]).when(apply(general({ internalControlProgramme: false, noPenaltiesInThreeYears: true }))).thenRefused('general-licence-ineligible');
    spec(applyForLicenceDecider).given([]).when(apply(general({ internalControlProgramme: true, noPenaltiesInThreeYears: false }))).thenRefused('general-licence-ineligible');
    spec(applyForLicenceDecider).given([]).when(apply(general())).thenRefused('general-licence-ineligible');
  });
});
