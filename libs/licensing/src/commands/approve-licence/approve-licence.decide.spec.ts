import { aCommandContext, spec } from '@ree/testing';
import { LICENCE_APPLIED, LICENCE_REJECTED, LICENCE_SCREENED, LicenceScreeningMatch } from '../../licence/licence.events';
import { aMatch, application, applied, approved, approvedEvent, APPROVER, issued, LICENCE_ID, screening } from '../../testing/licence-events';
import { ApproveLicenceCommand, LicenceApprovalTerms } from './approve-licence.command';
import { approveLicenceDecider } from './approve-licence.decide';

const terms: LicenceApprovalTerms = { validFrom: '2025-03-01', validUntil: '2026-02-28', conditions: ['No re-export without consent'] };
const approve = (overrides: Partial<LicenceApprovalTerms> = {}, result = screening()) =>
  ({
    ...new ApproveLicenceCommand(LICENCE_ID, { ...terms, ...overrides }, aCommandContext({ actor: { sub: APPROVER, role: 'licensing-officer' } })),
    screening: result,
  });

describe('approve a licence', () => {
  it('approves a screened application for the requested quantities, recording the fresh screening and the approver', () => {
    spec(approveLicenceDecider)
      .given(applied)
      .when(approve())
      .then([{ type: LICENCE_SCREENED, data: screening() }, approvedEvent([20000, 500.5])]);
  });

  it('may issue less than requested, item by item', () => {
    spec(approveLicenceDecider)
      .given(applied)
      .when(approve({ issuedQuantityKg: [15000.25, 500.5] }))
      .then([{ type: LICENCE_SCREENED, data: screening() }, approvedEvent([15000.25, 500.5])]);
  });

  it('never issues more than requested, and one quantity per item', () => {
    spec(approveLicenceDecider).given(applied).when(approve({ issuedQuantityKg: [20000.001, 500] })).thenRefused('issued-quantity-invalid');
    spec(approveLicenceDecider).given(applied).when(approve({ issuedQuantityKg: [20000] })).thenRefused('issued-quantity-invalid');
  });

  it('restricted-party-match: a fresh screening that finds a listed party refuses the approval', () => {
    spec(approveLicenceDecider).given(applied).when(approve({}, screening([aMatch]))).thenRefused('restricted-party-match');
  });

  describe('restricted-party-match by the consequence of the party\'s list', () => {
    const onList = (consequence: 'refuse' | 'licence-required' | 'flag', chain: LicenceScreeningMatch['chain'] = []): LicenceScreeningMatch => ({
      ...aMatch,
      listId: 'list-1',
      listName: `a ${consequence} list`,
      consequence,
      chain,
    });
    const ownedThrough = [
      { owner: 'Caspian Trading FZE', owned: 'Vacuumschmeltze GmbH', sharePercent: 60 },
      { owner: 'Volga Magnet Holding', owned: 'Caspian Trading FZE', sharePercent: 55 },
    ];

    it('restricted-party-match: a party on a refuse list (Control List, Unreliable Entity List) refuses the approval', () => {
      spec(approveLicenceDecider).given(applied).when(approve({}, screening([onList('refuse')]))).thenRefused('restricted-party-match');
    });

    it('restricted-party-match: a party on a licence-required list (Watch List) refuses it too: the case review is this decision, refused in principle', () => {
      spec(approveLicenceDecider).given(applied).when(approve({}, screening([onList('licence-required')]))).thenRefused('restricted-party-match');
    });

    it('restricted-party-match: a consignee owned 50 % or more through a chain by a listed party refuses it', () => {
      spec(approveLicenceDecider).given(applied).when(approve({}, screening([onList('licence-required', ownedThrough)]))).thenRefused('restricted-party-match');
    });

    it('a party on a flag list does not refuse: the match is recorded in the screening for the reviewer', () => {
      const flagged = screening([onList('flag', ownedThrough)]);
      spec(approveLicenceDecider).given(applied).when(approve({}, flagged)).then([{ type: LICENCE_SCREENED, data: flagged }, approvedEvent([20000, 500.5])]);
    });

    it('restricted-party-match: a flag match beside a refuse match still refuses', () => {
      spec(approveLicenceDecider).given(applied).when(approve({}, screening([onList('flag'), onList('refuse')]))).thenRefused('restricted-party-match');
    });
  });

  it('invalid-transition: an approved, issued or rejected licence is not approved again', () => {
    spec(approveLicenceDecider).given(approved).when(approve()).thenRefused('invalid-transition');
    spec(approveLicenceDecider).given(issued).when(approve()).thenRefused('invalid-transition');
    spec(approveLicenceDecider)
      .given([...applied, { type: LICENCE_REJECTED, data: { reason: 'incomplete' } }])
      .when(approve())
      .thenRefused('invalid-transition');
  });

  it('an unknown licence is not found', () => {
    spec(approveLicenceDecider).given([]).when(approve()).thenNotFound();
  });

  const generalApplied = [
    { type: LICENCE_APPLIED, data: { ...application, kind: 'general', eligibility: { internalControlProgramme: true, noPenaltiesInThreeYears: true } } } as const,
    applied[1],
  ];

  it('a general licence is approved for one year, both ends included', () => {
    spec(approveLicenceDecider)
      .given(generalApplied)
      .when(approve({ validFrom: '2025-03-01', validUntil: '2026-02-28' }))
      .then([{ type: LICENCE_SCREENED, data: screening() }, approvedEvent([20000, 500.5])]);
  });

  it('general-licence-validity-exceeded: a general licence valid longer than one year, by one day included', () => {
    spec(approveLicenceDecider).given(generalApplied).when(approve({ validFrom: '2025-03-01', validUntil: '2026-03-01' })).thenRefused('general-licence-validity-exceeded');
    spec(approveLicenceDecider).given(generalApplied).when(approve({ validFrom: '2025-01-01', validUntil: '2099-12-31' })).thenRefused('general-licence-validity-exceeded');
  });

  it('single-use and multi-use licences, and those without a kind, keep any validity the officer sets', () => {
    spec(approveLicenceDecider).given(applied).when(approve({ validFrom: '2025-03-01', validUntil: '2027-03-01' })).then([
      { type: LICENCE_SCREENED, data: screening() },
      { ...approvedEvent([20000, 500.5]), data: { ...approvedEvent().data, validUntil: '2027-03-01' } } as ReturnType<typeof approvedEvent>,
    ]);
  });
});

