import type { ListConsequence } from '../screening/party-screening';

/** Stored type strings: stable names, never derived from a class name. */
export const RESTRICTED_LIST_DEFINED = 'RestrictedListDefined';

/** The schema version each restricted-list event type is written with today. */
export const RESTRICTED_LIST_SCHEMA_VERSIONS = {
  [RESTRICTED_LIST_DEFINED]: 1,
} as const;

export const RESTRICTED_LIST_EVENT_TYPES = Object.keys(RESTRICTED_LIST_SCHEMA_VERSIONS) as readonly RestrictedListEvent['type'][];

/** The consequences a list may have, in the order of their weight. */
export const LIST_CONSEQUENCES: readonly ListConsequence[] = ['refuse', 'licence-required', 'flag'];

export interface RestrictedListDefinedData {
  readonly listId: string;
  readonly name: string;
  readonly description: string;
  /**
   * What a match leads to: `refuse` (no licence, and a licence in force is suspended), `licence-required` (a
   * licence even for an item off the control list, and the case reviewed: approval is refused in principle), `flag`
   * (the match is recorded and flagged for a reviewer, nothing is refused).
   */
  readonly consequence: ListConsequence;
}

export type RestrictedListDefined = { readonly type: typeof RESTRICTED_LIST_DEFINED; readonly data: RestrictedListDefinedData };

export type RestrictedListEvent = RestrictedListDefined;
