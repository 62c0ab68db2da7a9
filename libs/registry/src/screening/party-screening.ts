/** What a listing on a list leads to: the application refused, a licence required with case review, or a flag. */
export type ListConsequence = 'refuse' | 'licence-required' | 'flag';

/** One link of ownership: `owner` holds `sharePercent` of `owned`. */
export interface OwnershipLink {
  readonly owner: string;
  readonly owned: string;
  readonly sharePercent: number;
}

/** A listed party that the screened name is, or owns 50 % or more of it directly or through a chain. */
export interface PartyListMatch {
  readonly partyId: string;
  readonly partyName: string;
  readonly listId: string;
  readonly listName: string;
  readonly consequence: ListConsequence;
  /** The name matcher's score of the screened name (or of the chain's first company) against the party. */
  readonly score: number;
  /** From the screened company up to the listed party; empty when the screened name is the party itself. */
  readonly chain: readonly OwnershipLink[];
}

export interface PartyScreeningResult {
  readonly matches: readonly PartyListMatch[];
  /** The checkpoints of the restricted-party and ownership projections the walk read. */
  readonly listPosition: string | null;
  readonly algorithm: string;
  readonly threshold: number;
}

/**
 * The port through which other contexts screen a foreign party against every restricted list,
 * walking the ownership registry: the consignment's catch-all at shipment declaration. The registry
 * provides it.
 */
export abstract class PartyScreening {
  abstract screenParty(party: { readonly name: string; readonly country: string }): Promise<PartyScreeningResult>;
}
