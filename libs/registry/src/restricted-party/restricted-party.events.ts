/** Stored type strings: stable names, never derived from a class name. */
export const RESTRICTED_PARTY_LISTED = 'RestrictedPartyListed';
export const RESTRICTED_PARTY_DELISTED = 'RestrictedPartyDelisted';

/** The schema version each restricted-party event type is written with today. */
export const RESTRICTED_PARTY_SCHEMA_VERSIONS = {
  [RESTRICTED_PARTY_LISTED]: 1,
  [RESTRICTED_PARTY_DELISTED]: 1,
} as const;

export const RESTRICTED_PARTY_EVENT_TYPES = Object.keys(RESTRICTED_PARTY_SCHEMA_VERSIONS) as readonly RestrictedPartyEvent['type'][];

export interface RestrictedPartyListedData {
  readonly partyId: string;
  /** The name as the listing decision spells it. */
  readonly name: string;
  /** Other spellings, transliterations and former names; screening matches against every one. */
  readonly aliases: readonly string[];
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly reason: string;
  /** The reference of the listing decision (e.g. the announcement number). */
  readonly listReference: string;
  /**
   * The list the party is on (`restricted-list-{listId}`). Absent from listings recorded before there was more than
   * one list: those were on the Unreliable Entity List, the one list the product had (`listIdOfListing`).
   */
  readonly listId?: string;
}

export interface RestrictedPartyDelistedData {
  readonly reason: string;
}

export type RestrictedPartyListed = { readonly type: typeof RESTRICTED_PARTY_LISTED; readonly data: RestrictedPartyListedData };
export type RestrictedPartyDelisted = { readonly type: typeof RESTRICTED_PARTY_DELISTED; readonly data: RestrictedPartyDelistedData };

export type RestrictedPartyEvent = RestrictedPartyListed | RestrictedPartyDelisted;
