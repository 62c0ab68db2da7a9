import { Inject, Injectable, Optional } from '@nestjs/common';
import { type Checkpoint, EVENT_STORE, type EventStore } from '@ree/event-store';
import { DataSource, EntityManager } from 'typeorm';
import type { Company } from '../ownership/ownership.events';
import { companyKey, MAJORITY_SHARE_PERCENT, nameKey, type OwnedReached, type OwnershipEdge, walkToListedOwners, walkToOwnedCompanies } from '../ownership/ownership-walk';
import { OWNERSHIP_PROJECTION } from '../projections/ownership.projection';
import type { OwnershipFactColumns } from '../projections/ownership.read-model';
import { RESTRICTED_PARTY_PROJECTION } from '../projections/restricted-party.projection';
import { referenceList } from '../restricted-list/reference-lists';
import { DEFAULT_SCREENING_THRESHOLD, roundScore, SCREENING_ALGORITHM, scoreSql, skeletonise, SkeletonisedName, sqlCutoff } from './name-matcher';
import type { ListConsequence, OwnershipLink } from './party-screening';

export { DEFAULT_SCREENING_THRESHOLD, SCREENING_ALGORITHM } from './name-matcher';

export interface ScreeningMatch {
  readonly partyId: string;
  readonly name: string;
  /** The party's name or alias that scored best. */
  readonly matchedName: string;
  /** That name's skeleton, as stored when the party was listed. */
  readonly matchedSkeleton: string;
  readonly country: string;
  /** In [0, 1]; 1 when the skeletons are equal (and for a match through the ownership registry, whose links are exact). */
  readonly score: number;
  /** The party's list and what a match on it leads to. */
  readonly listId: string;
  readonly listName: string;
  readonly consequence: ListConsequence;
  /**
   * Empty when the screened name matched the party; otherwise the chain of majority holdings (each ≥ 50 %) from the
   * screened company up to the party, one link per ownership fact.
   */
  readonly chain: readonly OwnershipLink[];
}

export interface ScreeningResult {
  readonly name: string;
  /** The screened name's skeleton, the form it was compared in. */
  readonly skeleton: string;
  readonly country: string | null;
  readonly threshold: number;
  readonly algorithm: string;
  /**
   * The earliest of the restricted-party and ownership projections' checkpoints, read in the same snapshot as the
   * rows: the version of the lists and of the ownership registry that was searched (at least).
   */
  readonly listPosition: Checkpoint | null;
  readonly matches: readonly ScreeningMatch[];
}

export interface ScreeningOptions {
  readonly country?: string;
  readonly threshold?: number;
  readonly limit?: number;
}

interface MatchRow {
  party_id: string;
  name: string;
  matched_name: string;
  matched_skeleton: string;
  country: string;
  score: number;
  list_id: string;
  list_name: string | null;
  consequence: ListConsequence | null;
}

type ListedRow = Omit<MatchRow, 'score'> & { key: string };

type EdgeRow = Pick<OwnershipFactColumns, 'fact_id' | 'owner_name' | 'owner_country' | 'owned_name' | 'owned_country' | 'share_percent'>;

/** How far up the registry the walk reads at most: deeper than any real holding structure, and a bound on a cycle's cost. */
export const MAX_WALK_DEPTH = 25;

/** Two positions compared as the event store does; by default as the integers the PostgreSQL store writes. */
export type ComparePositions = (a: string, b: string) => number;
const compareIntegers: ComparePositions = (a, b) => {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};

const MATCH_COLUMNS = `p.party_id, p.name, n.name AS matched_name, n.skeleton AS matched_skeleton, p.country, p.list_id, l.name AS list_name, l.consequence`;

/**
 * Screens a name against the listed (not delisted) parties of every restricted list: each party scores the best,
 * over its names and aliases, of the matcher's score between their skeletons (`name-matcher.ts`). The country does
 * not narrow the search (a listed entity's branch abroad is still that entity); among equal scores, parties of that
 * country come first. With the country, the ownership registry is walked too (`walkToListedOwners`): a company owned
 * 50 % or more by a listed party, directly or through a chain of such holdings, matches that party with the chain.
 */
@Injectable()
export class ScreeningService {
  private readonly comparePositions: ComparePositions;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(EVENT_STORE) store?: Pick<EventStore, 'comparePositions'>,
  ) {
    this.comparePositions = store ? (a, b) => store.comparePositions(a, b) : compareIntegers;
  }

  async screen(name: string, options: ScreeningOptions = {}): Promise<ScreeningResult> {
    const threshold = options.threshold ?? DEFAULT_SCREENING_THRESHOLD;
    const screened = skeletonise(name);
    const { matches, listPosition } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const listPosition = await this.listPosition(tx);
      const named = await this.matches(tx, screened, threshold);
      const owned = options.country === undefined ? [] : await this.ownedBy(tx, { name, country: options.country });
      const direct = new Set(named.map((match) => match.partyId));
      return { listPosition, matches: [...named, ...owned.filter((match) => !direct.has(match.partyId))] };
    });
    const { skeleton } = screened;
    const ranked = [...matches].sort((a, b) => b.score - a.score || a.chain.length - b.chain.length || sameCountryFirst(a, b, options.country) || a.name.localeCompare(b.name));
    return { name, skeleton, country: options.country ?? null, threshold, algorithm: SCREENING_ALGORITHM, listPosition, matches: ranked.slice(0, options.limit ?? 50) };
  }

  /** The earliest of the checkpoints the screening read (a projection that never ran has none and is left out). */
  private async listPosition(tx: EntityManager): Promise<Checkpoint | null> {
    const rows: Array<{ checkpoint: string | null }> = await tx.query(
      `SELECT checkpoint FROM projections.checkpoints WHERE name = ANY($1::text[])`,
      [[RESTRICTED_PARTY_PROJECTION, OWNERSHIP_PROJECTION]],
    );
    const checkpoints = rows.map((row) => row.checkpoint).filter((checkpoint): checkpoint is string => checkpoint !== null);
    return checkpoints.reduce<string | null>((earliest, checkpoint) => (earliest === null || this.comparePositions(checkpoint, earliest) < 0 ? checkpoint : earliest), null);
  }

  /**
   * The listed parties a company of the ownership registry is, or is owned by through a chain of majority holdings:
   * the company itself matched exactly (its name key equals a listed name's or alias's, any country; chain empty,
   * and the walk stops there), else the walk up from it. Retro-screening asks it of the owner in a new ownership fact.
   */
  async listedOwnersOf(company: Company): Promise<ScreeningMatch[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const itself = (await this.listedByKey(tx, [nameKey(company.name)])).get(nameKey(company.name)) ?? [];
      if (itself.length > 0) return itself.map((row) => matchOf({ ...row, score: 1 }));
      return this.ownedBy(tx, company);
    });
  }

  /**
   * The walk down: every company owned 50 % or more, directly or through a chain, by a company (exact key) or by any
   * company bearing one of these names (a listed party's names and aliases, any country), each once with its
   * shortest chain (from it up to the start). Retro-screening finds with it the licences a new listing or a new
   * ownership fact reaches.
   */
  async companiesOwnedBy(start: { readonly company: Company } | { readonly names: readonly string[] }): Promise<OwnedReached[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const edges: OwnershipEdge[] = [];
      const seen = new Set<string>();
      const first =
        'company' in start
          ? { where: 'owner_key = ANY($1::text[])', keys: [companyKey(start.company)] }
          : { where: `split_part(owner_key, '|', 2) = ANY($1::text[])`, keys: [...new Set(start.names.map(nameKey))].filter((key) => key !== '') };
      if ('company' in start && nameKey(start.company.name) === '') return [];
      let where = first.where;
      let frontier = first.keys;
      for (let depth = 0; depth < MAX_WALK_DEPTH && frontier.length > 0; depth++) {
        const rows: EdgeRow[] = await tx.query(
          `SELECT fact_id, owner_name, owner_country, owned_name, owned_country, share_percent::text AS share_percent
             FROM registry.ownership_facts
            WHERE status = 'in-force' AND share_percent >= $2 AND ${where}
            ORDER BY fact_id`,
          [frontier, MAJORITY_SHARE_PERCENT],
        );
        where = 'owner_key = ANY($1::text[])';
        frontier = [];
        for (const edge of rows.map(edgeOf)) {
          edges.push(edge);
          const ownedKey = companyKey(edge.owned);
          if (!seen.has(ownedKey)) {
            seen.add(ownedKey);
            frontier.push(ownedKey);
          }
        }
      }
      const starts = 'company' in start ? [start.company] : uniqueCompanies(edges.filter((edge) => first.keys.includes(nameKey(edge.owner.name))).map((edge) => edge.owner));
      const startKeys = new Set(starts.map(companyKey));
      const reached = new Map<string, OwnedReached>();
      for (const company of starts) {
        for (const owned of walkToOwnedCompanies(company, edges)) {
          const key = companyKey(owned.company);
          if (startKeys.has(key)) continue;
          const known = reached.get(key);
          if (!known || owned.chain.length < known.chain.length) reached.set(key, owned);
        }
      }
      return [...reached.values()];
    });
  }

  /** The listed parties with a name or alias whose skeleton's sorted key is one of these, by key. */
  private async listedByKey(tx: EntityManager, keys: readonly string[]): Promise<Map<string, ListedRow[]>> {
    // A name of punctuation alone has an empty key: it names no company.
    keys = keys.filter((key) => key !== '');
    if (keys.length === 0) return new Map();
    const rows: ListedRow[] = await tx.query(
      `SELECT DISTINCT ON (p.party_id, n.skeleton_sorted) ${MATCH_COLUMNS}, n.skeleton_sorted AS key
         FROM registry.restricted_party_names n
         JOIN registry.restricted_parties p ON p.party_id = n.party_id
         LEFT JOIN registry.restricted_lists l ON l.list_id = p.list_id
        WHERE p.status = 'listed' AND n.skeleton_sorted = ANY($1::text[])
        ORDER BY p.party_id, n.skeleton_sorted, n.is_alias, n.name`,
      [[...keys]],
    );
    const byKey = new Map<string, ListedRow[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    return byKey;
  }

  /**
   * The walk up the ownership registry from the screened company: the majority holdings in force are read a level
   * at a time (owned company key → its owners), then the owners that are listed parties (a name or alias whose
   * skeleton's sorted key equals the owner's), and the pure walk decides which parties the chains reach.
   */
  private async ownedBy(tx: EntityManager, start: Company): Promise<ScreeningMatch[]> {
    if (nameKey(start.name) === '') return [];
    const edges: OwnershipEdge[] = [];
    const seen = new Set([companyKey(start)]);
    let frontier = [companyKey(start)];
    for (let depth = 0; depth < MAX_WALK_DEPTH && frontier.length > 0; depth++) {
      const rows: EdgeRow[] = await tx.query(
        `SELECT fact_id, owner_name, owner_country, owned_name, owned_country, share_percent::text AS share_percent
           FROM registry.ownership_facts
          WHERE status = 'in-force' AND share_percent >= $2 AND owned_key = ANY($1::text[])
          ORDER BY fact_id`,
        [frontier, MAJORITY_SHARE_PERCENT],
      );
      frontier = [];
      for (const edge of rows.map(edgeOf)) {
        edges.push(edge);
        const ownerKey = companyKey(edge.owner);
        if (!seen.has(ownerKey)) {
          seen.add(ownerKey);
          frontier.push(ownerKey);
        }
      }
    }
    if (edges.length === 0) return [];
    const listed = await this.listedByKey(tx, [...new Set(edges.map((edge) => nameKey(edge.owner.name)))]);
    const reached = walkToListedOwners(start, edges, (company) => listed.get(nameKey(company.name)) ?? [], (row) => row.party_id);
    return reached.map(({ party, chain }) => ({ ...matchOf({ ...party, score: 1 }), chain }));
  }

  private async matches(tx: EntityManager, screened: SkeletonisedName, threshold: number): Promise<ScreeningMatch[]> {
    if (screened.sorted.length === 0) return [];
    // `%` uses the GIN trigram indexes; its cut-off is this transaction's similarity_threshold.
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(sqlCutoff(threshold))]);
    const score = scoreSql({ sorted: 'n.skeleton_sorted', compact: 'n.skeleton_compact' }, { sorted: '$1', compact: '$2' });
    const rows: MatchRow[] = await tx.query(
      `SELECT DISTINCT ON (p.party_id) ${MATCH_COLUMNS}, ${score}::float8 AS score
         FROM registry.restricted_party_names n
         JOIN registry.restricted_parties p ON p.party_id = n.party_id
         LEFT JOIN registry.restricted_lists l ON l.list_id = p.list_id
        WHERE p.status = 'listed' AND (n.skeleton_sorted % $1 OR n.skeleton_compact % $2)
        ORDER BY p.party_id, score DESC, n.is_alias, n.name`,
      [screened.sorted, screened.compact],
    );
    return rows.map(matchOf).filter((match) => match.score >= threshold);
  }
}

const edgeOf = (row: EdgeRow): OwnershipEdge => ({
  factId: row.fact_id,
  owner: { name: row.owner_name, country: row.owner_country },
  owned: { name: row.owned_name, country: row.owned_country },
  sharePercent: Number(row.share_percent),
});

function uniqueCompanies(companies: readonly Company[]): Company[] {
  const byKey = new Map<string, Company>();
  for (const company of companies) if (!byKey.has(companyKey(company))) byKey.set(companyKey(company), company);
  return [...byKey.values()];
}

/**
 * A match with its list. A list the read model has not yet seen is a reference list (known to the code) or, until
 * its definition is projected, treated as the heaviest consequence: a screening never lets through for want of a row.
 */
function matchOf(row: MatchRow): ScreeningMatch {
  const known = row.list_name !== null && row.consequence !== null ? { name: row.list_name, consequence: row.consequence } : referenceList(row.list_id);
  return {
    partyId: row.party_id,
    name: row.name,
    matchedName: row.matched_name,
    matchedSkeleton: row.matched_skeleton,
    country: row.country,
    score: roundScore(row.score),
    listId: row.list_id,
    listName: known?.name ?? `Restricted list ${row.list_id}`,
    consequence: known?.consequence ?? 'refuse',
    chain: [],
  };
}

function sameCountryFirst(a: ScreeningMatch, b: ScreeningMatch, country: string | undefined): number {
  if (!country) return 0;
  return Number(b.country === country) - Number(a.country === country);
}
