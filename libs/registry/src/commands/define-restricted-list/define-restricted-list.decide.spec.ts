import { aCommandContext, spec } from '@ree/testing';
import { REFERENCE_LISTS } from '../../restricted-list/reference-lists';
import { RESTRICTED_LIST_DEFINED, RestrictedListDefinedData, RestrictedListEvent } from '../../restricted-list/restricted-list.events';
import { DefineRestrictedListCommand } from './define-restricted-list.command';
import { defineRestrictedListDecider } from './define-restricted-list.decide';

const list: RestrictedListDefinedData = {
  listId: '5b0c3a51-8f1e-4c1a-9d2e-3f4a5b6c7d8e',
  name: 'Officer watch: magnet brokers',
  description: 'Brokers seen re-exporting magnets; flagged for review',
  consequence: 'flag',
};
const defined: RestrictedListEvent = { type: RESTRICTED_LIST_DEFINED, data: list };
const define = (data: RestrictedListDefinedData) => new DefineRestrictedListCommand(data, aCommandContext());

describe('define a restricted list', () => {
  it('defines a new list with its consequence', () => {
    spec(defineRestrictedListDecider).given([]).when(define(list)).then([defined]);
  });

  it('the same definition again stays quiet (a retry, or a second process loading the reference lists)', () => {
    spec(defineRestrictedListDecider).given([defined]).when(define(list)).thenNothing();
  });

  it('invalid-transition: another consequence for an existing list id', () => {
    spec(defineRestrictedListDecider).given([defined]).when(define({ ...list, consequence: 'refuse' })).thenRefused('invalid-transition');
  });

  it('the reference lists are the Control List (refuse), the Watch List (licence-required) and the Unreliable Entity List (refuse)', () => {
    expect(REFERENCE_LISTS.map(({ name, consequence }) => [name, consequence])).toEqual([
      ['Control List (管控名单)', 'refuse'],
      ['Watch List (关注名单)', 'licence-required'],
      ['Unreliable Entity List (不可靠实体清单)', 'refuse'],
    ]);
    expect(new Set(REFERENCE_LISTS.map((reference) => reference.listId)).size).toBe(3);
  });
});
