import { Injectable } from '@nestjs/common';
import type { Checkpoint } from '@ree/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { RESTRICTED_PARTY_PROJECTION } from '../projections/restricted-party.projection';
import { DEFAULT_SCREENING_THRESHOLD, roundScore, SCREENING_ALGORITHM, scoreSql, skeletonise, SkeletonisedName, sqlCutoff } from './name-matcher';

export { DEFAULT_SCREENING_THRESHOLD, SCREENING_ALGORITHM } from './name-matcher';

export interface ScreeningMatch {
  readonly partyId: string;
  readonly name: string;
  /** The party's name or alias that scored best. */
  readonly matchedName: string;
  /** That name's skeleton, as stored when the party was listed. */
  readonly matchedSkeleton: string;
  readonly country: string;
  /** In [0, 1]; 1 when the skeletons are equal. */
  readonly score: number;
}

export interface ScreeningResult {
  readonly name: string;
  /** The screened name's skeleton, the form it was compared in. */
  readonly skeleton: string;
  readonly country: string | null;
  readonly threshold: number;
  readonly algorithm: string;
  /** The restricted-party projection's checkpoint: the version of the list that was searched. */
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
}

/**
 * Screens a name against the listed (not delisted) restricted parties: each party scores the best,
 * over its names and aliases, of the matcher's score between their skeletons (`name-matcher.ts`).
 * The country does not narrow the search (a listed entity's branch abroad is still that entity);
 * among equal scores, parties of that country come first.
 */
@Injectable()
export class ScreeningService {
  constructor(private readonly dataSource: DataSource) {}

  async screen(name: string, options: ScreeningOptions = {}): Promise<ScreeningResult> {
    const threshold = options.threshold ?? DEFAULT_SCREENING_THRESHOLD;
    const screened = skeletonise(name);
    const { matches, listPosition } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => ({
      listPosition: await this.listPosition(tx),
      matches: await this.matches(tx, screened, threshold, options),
    }));
    const { skeleton } = screened;
    return { name, skeleton, country: options.country ?? null, threshold, algorithm: SCREENING_ALGORITHM, listPosition, matches };
  }

  private async listPosition(tx: EntityManager): Promise<Checkpoint | null> {
    const rows: Array<{ checkpoint: string | null }> = await tx.query(
      `SELECT checkpoint FROM projections.checkpoints WHERE name = $1`,
      [RESTRICTED_PARTY_PROJECTION],
    );
    return rows[0]?.checkpoint ?? null;
  }

  private async matches(tx: EntityManager, screened: SkeletonisedName, threshold: number, options: ScreeningOptions): Promise<ScreeningMatch[]> {
    if (screened.sorted.length === 0) return [];
    // `%` uses the GIN trigram indexes; its cut-off is this transaction's similarity_threshold.
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(sqlCutoff(threshold))]);
    const score = scoreSql({ sorted: 'n.skeleton_sorted', compact: 'n.skeleton_compact' }, { sorted: '$1', compact: '$2' });
    const rows: MatchRow[] = await tx.query(
      `SELECT DISTINCT ON (p.party_id) p.party_id, p.name, n.name AS matched_name, n.skeleton AS matched_skeleton, p.country,
              ${score}::float8 AS score
         FROM registry.restricted_party_names n
         JOIN registry.restricted_parties p ON p.party_id = n.party_id
        WHERE p.status = 'listed' AND (n.skeleton_sorted % $1 OR n.skeleton_compact % $2)
        ORDER BY p.party_id, score DESC, n.is_alias, n.name`,
      [screened.sorted, screened.compact],
    );
    return rows
      .map((row) => ({
        partyId: row.party_id,
        name: row.name,
        matchedName: row.matched_name,
        matchedSkeleton: row.matched_skeleton,
        country: row.country,
        score: roundScore(row.score),
      }))
      .filter((match) => match.score >= threshold)
      .sort((a, b) => b.score - a.score || sameCountryFirst(a, b, options.country) || a.name.localeCompare(b.name))
      .slice(0, options.limit ?? 50);
  }
}

function sameCountryFirst(a: ScreeningMatch, b: ScreeningMatch, country: string | undefined): number {
  if (!country) return 0;
  return Number(b.country === country) - Number(a.country === country);
}
