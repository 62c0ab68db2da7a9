import { companyKey, DEFAULT_SCREENING_THRESHOLD, type OwnedReached, roundScore, scoreSql, skeletonise, SkeletonisedName, sqlCutoff } from '@ree/registry';
import type { DataSource } from 'typeorm';
import type { LicenceMatch, LicenceNameMatch } from './restricted-party-match.decide';

/** Licences read and scored per round trip: bounded memory and statement size, whatever the size of the register. */
export const LICENCE_PAGE_SIZE = 1_000;

interface LicenceRow {
  licence_id: string;
  consignee: string;
  end_user: string;
}

interface LicenceCompaniesRow extends LicenceRow {
  consignee_country: string;
  end_user_country: string;
}

/** A company the ownership registry reached, and the listed party it is treated as. */
export interface ReachedCompany extends OwnedReached {
  /** The listed party's name at the top of the chain (as the registry names the owner). */
  readonly partyName: string;
}

interface ScoreRow {
  id: string;
  field: 'consignee' | 'endUser';
  licence_name: string;
  licence_skeleton: string;
  party_name: string;
  party_skeleton: string;
  score: number;
}

/**
 * Screens one listed party against every licence's consignee and end user in the licensing read
 * model, the reverse of the registry's screening (one name against every party) with the same
 * matcher, the registry's `name-matcher.ts`: the confusable skeletons of `skeletonise`, scored by
 * `scoreSql`, rounded by `roundScore`, a match from the registry's threshold (0.7) on. The
 * skeleton is TypeScript, so the party's skeletons are computed once per job, the licences read a
 * page at a time in licence-id order, their skeletons computed here, and scored in SQL against the
 * party's — two statements per page; the licensing tables need no column of the registry's making.
 */
export class LicencePartyMatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threshold = DEFAULT_SCREENING_THRESHOLD,
    private readonly pageSize = LICENCE_PAGE_SIZE,
  ) {}

  async matches(partyNames: readonly string[]): Promise<LicenceMatch[]> {
    const party = [...new Set(partyNames)].map(skeletonise).filter((name) => name.sorted !== '');
    if (party.length === 0) return [];
    const matches: LicenceMatch[] = [];
    for (let after = ''; ; ) {
      const page: LicenceRow[] = await this.dataSource.query(
        `SELECT licence_id, consignee->>'name' AS consignee, end_user->>'name' AS end_user
           FROM licensing.licences WHERE licence_id > $1 ORDER BY licence_id LIMIT $2`,
        [after, this.pageSize],
      );
      if (page.length === 0) return matches;
      matches.push(...(await this.scored(page, party)));
      if (page.length < this.pageSize) return matches;
      after = page[page.length - 1].licence_id;
    }
  }

  /**
   * The licences whose consignee or end user is one of the companies the ownership registry reached: matched as the
   * walk matches, exactly on the company key (country and name skeleton), never fuzzily. Each such name is recorded
   * with the chain from it up to the listed party, score 1. The licences are read a page at a time, as above.
   */
  async ownedMatches(reached: readonly ReachedCompany[]): Promise<LicenceMatch[]> {
    const byKey = new Map(reached.map((company) => [companyKey(company.company), company]));
    if (byKey.size === 0) return [];
    const matches: LicenceMatch[] = [];
    for (let after = ''; ; ) {
      const page: LicenceCompaniesRow[] = await this.dataSource.query(
        `SELECT licence_id, consignee->>'name' AS consignee, consignee->>'country' AS consignee_country,
                end_user->>'name' AS end_user, end_user->>'country' AS end_user_country
           FROM licensing.licences WHERE licence_id > $1 ORDER BY licence_id LIMIT $2`,
        [after, this.pageSize],
      );
      for (const row of page) {
        const names: LicenceNameMatch[] = [];
        for (const [field, name, country] of [['consignee', row.consignee, row.consignee_country], ['endUser', row.end_user, row.end_user_country]] as const) {
          const match = reachedMatch(byKey, field, name, country);
          if (match) names.push(match);
        }
        if (names.length > 0) matches.push({ licenceId: row.licence_id, names });
      }
      if (page.length < this.pageSize) return matches;
      after = page[page.length - 1].licence_id;
    }
  }

  private async scored(page: readonly LicenceRow[], party: readonly SkeletonisedName[]): Promise<LicenceMatch[]> {
    const names = page.flatMap((row) => [
      { id: row.licence_id, field: 'consignee' as const, name: row.consignee ?? '' },
      { id: row.licence_id, field: 'endUser' as const, name: row.end_user ?? '' },
    ]);
    const byLicence = await scoredNames(this.dataSource, names, party, this.threshold);
    return [...byLicence].map(([licenceId, matched]) => ({ licenceId, names: matched }));
  }
}

/** A name to score against a listed party's names: whose it is (a licence's or a consignment's id) and which party field. */
export interface NameToScore {
  readonly id: string;
  readonly field: LicenceNameMatch['field'];
  readonly name: string;
}

/**
 * Scores one page of names against the listed party's skeletons in SQL with the registry's matcher (`scoreSql`), the
 * best of the party's names per id and field, rounded by `roundScore`, from the threshold on; by id, in page order.
 */
export async function scoredNames(
  dataSource: DataSource,
  page: readonly NameToScore[],
  party: readonly SkeletonisedName[],
  threshold: number,
): Promise<Map<string, LicenceNameMatch[]>> {
  const names = page.map((entry) => ({ ...entry, ...skeletonise(entry.name) }));
  const score = scoreSql({ sorted: 'f.sorted', compact: 'f.compact' }, { sorted: 'p.sorted', compact: 'p.compact' });
  const rows: ScoreRow[] = await dataSource.query(
    `SELECT DISTINCT ON (f.id, f.field) f.id, f.field, f.name AS licence_name, f.skeleton AS licence_skeleton,
            p.name AS party_name, p.skeleton AS party_skeleton, ${score}::float8 AS score
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS f(id, field, name, skeleton, sorted, compact)
       CROSS JOIN unnest($7::text[], $8::text[], $9::text[], $10::text[]) AS p(name, skeleton, sorted, compact)
      WHERE f.sorted <> '' AND ${score} >= $11
      ORDER BY f.id, f.field, score DESC, p.name`,
    [
      names.map((name) => name.id),
      names.map((name) => name.field),
      names.map((name) => name.name),
      names.map((name) => name.skeleton),
      names.map((name) => name.sorted),
      names.map((name) => name.compact),
      party.map((name) => name.name),
      party.map((name) => name.skeleton),
      party.map((name) => name.sorted),
      party.map((name) => name.compact),
      sqlCutoff(threshold),
    ],
  );
  const byId = new Map<string, LicenceNameMatch[]>();
  for (const row of rows) {
    const rounded = roundScore(row.score);
    if (rounded < threshold) continue;
    const match: LicenceNameMatch = {
      field: row.field,
      licenceName: row.licence_name,
      licenceSkeleton: row.licence_skeleton,
      partyName: row.party_name,
      partySkeleton: row.party_skeleton,
      score: rounded,
    };
    byId.set(row.id, [...(byId.get(row.id) ?? []), match]);
  }
  return byId;
}

/** A company the walk reached, as a name match: exact on the company key, score 1, with the chain up to the listed party. */
export function reachedMatch(
  byKey: ReadonlyMap<string, ReachedCompany>,
  field: LicenceNameMatch['field'],
  name: string | null,
  country: string | null,
): LicenceNameMatch | null {
  if (!name || !country) return null;
  const company = byKey.get(companyKey({ name, country }));
  if (!company) return null;
  const partySkeleton = skeletonise(company.partyName).skeleton;
  return { field, licenceName: name, licenceSkeleton: skeletonise(name).skeleton, partyName: company.partyName, partySkeleton, score: 1, chain: company.chain };
}
