import { fold } from '@ree/shared-kernel';
import { spec } from '@ree/testing';
import { LICENCE_ENDORSEMENT_WITHDRAWN, LICENCE_SUSPENDED, LicenceEvent } from '../../licence/licence.events';
import { declarationsLeft } from '../../licence/licence.kinds';
import { application, endorsed, issued, issuedAs, LICENCE_ID, MULTI_USE_OFFICE } from '../../testing/licence-events';
import { EndorseDeclarationCommand } from './endorse-declaration.command';
import { endorseDeclarationDecider } from './endorse-declaration.decide';

const endorse = (consignmentId: string, number: number, overrides: Partial<EndorseDeclarationCommand> = {}): EndorseDeclarationCommand => {
  const { data } = endorsed(consignmentId, number) as { data: Omit<EndorseDeclarationCommand, 'licenceId' | 'now'> };
  const { customsDeclarationNo, customsOffice, kg, endorsedOn } = data;
  return { licenceId: LICENCE_ID, consignmentId, customsDeclarationNo, customsOffice, kg, endorsedOn, now: new Date('2025-06-01T10:00:00Z'), ...overrides };
};
const withdrawn = (consignmentId: string, number: number): LicenceEvent => ({ type: LICENCE_ENDORSEMENT_WITHDRAWN, data: { consignmentId, number, reason: 'consignment-cancelled' } });
const singleUse = issuedAs({ kind: 'single-use' });
const multiUse = issuedAs({ kind: 'multi-use', customsOffice: MULTI_USE_OFFICE });
const general = issuedAs({ kind: 'general', eligibility: { internalControlProgramme: true, noPenaltiesInThreeYears: true } });
const eleven = Array.from({ length: 11 }, (_, index) => endorsed(`c${index + 1}`, index + 1));

describe('endorse a customs declaration on a licence', () => {
  it('endorses the first declaration of a single-use licence, numbered 1', () => {
    spec(endorseDeclarationDecider).given(singleUse).when(endorse('c1', 1)).then([endorsed('c1', 1)]);
  });

  it('single-use-licence-spent: a second declaration on a single-use licence', () => {
    spec(endorseDeclarationDecider).given([...singleUse, endorsed('c1', 1)]).when(endorse('c2', 2)).thenRefused('single-use-licence-spent');
  });

  it('a withdrawn endorsement gives the single use back; the next one is numbered after it', () => {
    spec(endorseDeclarationDecider).given([...singleUse, endorsed('c1', 1), withdrawn('c1', 1)]).when(endorse('c2', 2)).then([endorsed('c2', 2)]);
  });

  it('multi-use: the twelfth endorsement is accepted, with no declaration left after it', () => {
    spec(endorseDeclarationDecider).given([...multiUse, ...eleven]).when(endorse('c12', 12)).then([endorsed('c12', 12)]);
    expect(declarationsLeft(fold(endorseDeclarationDecider, [...multiUse, ...eleven]))).toBe(1);
    expect(declarationsLeft(fold(endorseDeclarationDecider, [...multiUse, ...eleven, endorsed('c12', 12)]))).toBe(0);
  });

  it('multi-use-endorsements-exhausted: the thirteenth declaration on a multi-use licence', () => {
    spec(endorseDeclarationDecider).given([...multiUse, ...eleven, endorsed('c12', 12)]).when(endorse('c13', 13)).thenRefused('multi-use-endorsements-exhausted');
  });

  it('customs-office-mismatch: a declaration at another office than the licence names', () => {
    spec(endorseDeclarationDecider).given(multiUse).when(endorse('c1', 1, { customsOffice: 'CNSHA' })).thenRefused('customs-office-mismatch');
    spec(endorseDeclarationDecider).given(issuedAs({ kind: 'single-use', customsOffice: 'CNNGB' })).when(endorse('c1', 1)).thenRefused('customs-office-mismatch');
  });

  it('a general licence, and one recorded before kinds, take any number of declarations at any office', () => {
    const many = Array.from({ length: 20 }, (_, index) => endorsed(`c${index + 1}`, index + 1, index % 2 ? 'CNSHA' : 'CNTSN'));
    spec(endorseDeclarationDecider).given([...general, ...many]).when(endorse('c21', 21, { customsOffice: 'CNNGB' })).then([endorsed('c21', 21, 'CNNGB')]);
    spec(endorseDeclarationDecider).given([...issued, ...many]).when(endorse('c21', 21)).then([endorsed('c21', 21)]);
    expect(application.kind).toBeUndefined();
    expect(declarationsLeft(fold(endorseDeclarationDecider, [...general, ...many]))).toBeNull();
  });

  it('the same declaration again decides nothing; another one of the same consignment is an invalid transition', () => {
    spec(endorseDeclarationDecider).given([...multiUse, endorsed('c1', 1)]).when(endorse('c1', 1)).thenNothing();
    spec(endorseDeclarationDecider).given([...multiUse, endorsed('c1', 1)]).when(endorse('c1', 2)).thenRefused('invalid-transition');
  });

  it('licence-not-active: suspended, or outside its validity', () => {
    const suspended: LicenceEvent = { type: LICENCE_SUSPENDED, data: { reason: 'r', suspendedBy: 'officer-zhao' } };
    spec(endorseDeclarationDecider).given([...multiUse, suspended]).when(endorse('c1', 1)).thenRefused('licence-not-active');
    spec(endorseDeclarationDecider).given(multiUse).when(endorse('c1', 1, { now: new Date('2026-03-01T00:00:00Z') })).thenRefused('licence-not-active');
  });

  it('an unknown licence is not found', () => {
    spec(endorseDeclarationDecider).given([]).when(endorse('c1', 1)).thenNotFound();
  });
});
