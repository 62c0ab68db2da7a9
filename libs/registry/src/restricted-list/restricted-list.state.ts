import { RESTRICTED_LIST_DEFINED, RestrictedListDefinedData, RestrictedListEvent } from './restricted-list.events';

/** A list is defined once; nothing changes it afterwards (a list with another consequence is another list). */
export interface RestrictedListState {
  readonly definition: RestrictedListDefinedData | null;
}

export const initialRestrictedListState = (): RestrictedListState => ({ definition: null });

export function evolveRestrictedList(state: RestrictedListState, event: RestrictedListEvent): RestrictedListState {
  switch (event.type) {
    case RESTRICTED_LIST_DEFINED:
      return { definition: event.data };
    default:
      return state;
  }
}
