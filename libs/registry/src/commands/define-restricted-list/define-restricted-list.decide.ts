import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { RESTRICTED_LIST_DEFINED, RestrictedListDefinedData, RestrictedListEvent } from '../../restricted-list/restricted-list.events';
import { evolveRestrictedList, initialRestrictedListState, RestrictedListState } from '../../restricted-list/restricted-list.state';
import { DefineRestrictedListCommand } from './define-restricted-list.command';

const sameDefinition = (a: RestrictedListDefinedData, b: RestrictedListDefinedData): boolean =>
  a.listId === b.listId && a.name === b.name && a.description === b.description && a.consequence === b.consequence;

/**
 * A list id is defined once. The same definition again (a retry, or a second process loading the reference lists
 * at start) is quiet; another definition of an existing list id is `invalid-transition`: a list whose consequence
 * changes is another list, so that past matches keep the consequence they had.
 */
export function defineRestrictedList(command: DefineRestrictedListCommand, state: RestrictedListState): RestrictedListEvent[] {
  if (state.definition !== null) {
    if (sameDefinition(state.definition, command.list)) return [];
    throw new DomainRuleViolation('invalid-transition', `Restricted list ${command.list.listId} is defined already`);
  }
  return [{ type: RESTRICTED_LIST_DEFINED, data: { ...command.list } }];
}

export const defineRestrictedListDecider: Decider<DefineRestrictedListCommand, RestrictedListState, RestrictedListEvent> = {
  decide: defineRestrictedList,
  evolve: evolveRestrictedList,
  initialState: initialRestrictedListState,
};
