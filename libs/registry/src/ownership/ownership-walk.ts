import type { OwnershipLink } from '../screening/party-screening';
import { nameSkeleton, skeletonKeys } from '../screening/name-skeleton';
import type { Company } from './ownership.events';

/**
 * A company owned this much or more by a listed party is treated as that party (No. 61 of 2025: "companies they own
 * 50 % or more"). Each link of a chain must reach it on its own; shares are not multiplied along the chain, since the
 * company owned 50 % is the party, and so is what it owns 50 % (docs/decisions.md, 45).
 */
export const MAJORITY_SHARE_PERCENT = 50;

/** One fact of the registry as the walk follows it. */
export interface OwnershipEdge {
  readonly factId: string;
  readonly owner: Company;
  readonly owned: Company;
  readonly sharePercent: number;
}

/**
 * Two names are the same company when their countries are equal and their skeletons' sorted keys are (the confusable
 * skeleton of `nameSkeleton`: case, accents, punctuation, look-alike letters, legal forms and word order do not count).
 * Links are matched exactly, never fuzzily: a fuzzy match of a fuzzy match would reach companies nobody owns.
 */
export const companyKey = (company: Company): string => `${company.country.toUpperCase()}|${nameKey(company.name)}`;

/** The name half of a company's key: its skeleton's sorted key, as stored beside listed names (`skeleton_sorted`). */
export const nameKey = (name: string): string => skeletonKeys(nameSkeleton(name)).sorted;

export const isMajority = (edge: { readonly sharePercent: number }): boolean => edge.sharePercent >= MAJORITY_SHARE_PERCENT;

const linkOf = (edge: OwnershipEdge): OwnershipLink => ({ owner: edge.owner.name, owned: edge.owned.name, sharePercent: edge.sharePercent });

/** A listed party the walk reached, with the chain from the start company up to it and the facts it went through. */
export interface OwnerReached<Party> {
  readonly party: Party;
  /** From the start company up to the listed party, one link per fact. */
  readonly chain: readonly OwnershipLink[];
  readonly factIds: readonly string[];
}

/**
 * The walk up the registry: from a company, follow every owner holding 50 % or more, breadth first, stop at an owner
 * that is a listed party (`listedAs` answers its parties, exactly matched) and go no further past it. A visited set
 * of company keys (the start included) makes it end on cycles, and a company reached by two paths is walked once, by
 * the shorter. Every party reached is answered once, with its shortest chain.
 */
export function walkToListedOwners<Party>(
  start: Company,
  edges: readonly OwnershipEdge[],
  listedAs: (company: Company) => readonly Party[],
  partyKey: (party: Party) => string,
): OwnerReached<Party>[] {
  const byOwned = new Map<string, OwnershipEdge[]>();
  for (const edge of edges.filter(isMajority)) {
    const key = companyKey(edge.owned);
    byOwned.set(key, [...(byOwned.get(key) ?? []), edge]);
  }
  const reached = new Map<string, OwnerReached<Party>>();
  const visited = new Set([companyKey(start)]);
  let frontier: Array<{ company: Company; path: readonly OwnershipEdge[] }> = [{ company: start, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { company, path } of frontier) {
      for (const edge of byOwned.get(companyKey(company)) ?? []) {
        const ownerKey = companyKey(edge.owner);
        if (visited.has(ownerKey)) continue;
        visited.add(ownerKey);
        const chain = [...path, edge];
        const parties = listedAs(edge.owner);
        for (const party of parties) {
          if (!reached.has(partyKey(party))) reached.set(partyKey(party), { party, chain: chain.map(linkOf), factIds: chain.map((link) => link.factId) });
        }
        if (parties.length === 0) next.push({ company: edge.owner, path: chain });
      }
    }
    frontier = next;
  }
  return [...reached.values()];
}

/** A company owned, through a chain, by the start company. */
export interface OwnedReached {
  readonly company: Company;
  /** From the owned company up to the start, one link per fact (the direction of a screening's chain). */
  readonly chain: readonly OwnershipLink[];
  readonly factIds: readonly string[];
}

/**
 * The same walk, downwards: every company the start owns 50 % or more of, directly or through a chain of such links,
 * breadth first, cycle-safe, each once with its shortest chain. Retro-screening uses it to find the companies a new
 * listing or a new ownership fact reaches.
 */
export function walkToOwnedCompanies(start: Company, edges: readonly OwnershipEdge[]): OwnedReached[] {
  const byOwner = new Map<string, OwnershipEdge[]>();
  for (const edge of edges.filter(isMajority)) {
    const key = companyKey(edge.owner);
    byOwner.set(key, [...(byOwner.get(key) ?? []), edge]);
  }
  const reached: OwnedReached[] = [];
  const visited = new Set([companyKey(start)]);
  let frontier: Array<{ company: Company; path: readonly OwnershipEdge[] }> = [{ company: start, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { company, path } of frontier) {
      for (const edge of byOwner.get(companyKey(company)) ?? []) {
        const ownedKey = companyKey(edge.owned);
        if (visited.has(ownedKey)) continue;
        visited.add(ownedKey);
        const chain = [edge, ...path];
        reached.push({ company: edge.owned, chain: chain.map(linkOf), factIds: chain.map((link) => link.factId) });
        next.push({ company: edge.owned, path: chain });
      }
    }
    frontier = next;
  }
  return reached;
}
