import { Injectable } from '@nestjs/common';
import type { Checkpoint } from '@ree/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { RESTRICTED_PARTY_PROJECTION } from '../projections/restricted-party.projection';
import { normaliseName } from './name-normaliser';

/** The matcher's name, recorded in a licence's screening so that a later reader knows how scores were made. */
export const SCREENING_ALGORITHM = 'pg_trgm-similarity/normalised-name@1';

/**
 * The score from which a name is a match (see the README: chosen so that a one-letter typo in a
 * two-word name still matches, while names that share only generic words do not).
 */
export const DEFAULT_SCREENING_THRESHOLD = 0.7;

export interface ScreeningMatch {
  readonly partyId: string;
  readonly name: string;
  /** The party's name or alias that scored best. */
  readonly matchedName: string;
  readonly country: string;
  /** In [0, 1]; 1 when the normalised names are equal. */
  readonly score: number;
}

export interface ScreeningResult {
  readonly name: string;
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
  country: string;
  score: number;
}

/**
 * Screens a name against the listed (not delisted) restricted parties: each party scores the
 * trigram similarity between the normalised name and the best of its normalised names and aliases.
 * The country does not narrow the search (a listed entity's branch abroad is still that entity);
 * among equal scores, parties of that country come first.
 */
@Injectable()
export class ScreeningService {
  constructor(private readonly dataSource: DataSource) {}

  async screen(name: string, options: ScreeningOptions = {}): Promise<ScreeningResult> {
    const threshold = options.threshold ?? DEFAULT_SCREENING_THRESHOLD;
    const { matches, listPosition } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => ({
      listPosition: await this.listPosition(tx),
      matches: await this.matches(tx, normaliseName(name), threshold, options),
    }));
    return { name, country: options.country ?? null, threshold, algorithm: SCREENING_ALGORITHM, listPosition, matches };
  }

  private async listPosition(tx: EntityManager): Promise<Checkpoint | null> {
    const rows: Array<{ checkpoint: string | null }> = await tx.query(
      `SELECT checkpoint FROM projections.checkpoints WHERE name = $1`,
      [RESTRICTED_PARTY_PROJECTION],
    );
    return rows[0]?.checkpoint ?? null;
  }

  private async matches(tx: EntityManager, normalised: string, threshold: number, options: ScreeningOptions): Promise<ScreeningMatch[]> {
    if (normalised.length === 0) return [];
    // `%` uses the GIN trigram index; its cut-off is this transaction's similarity_threshold.
    // Scores are compared rounded, so the index lets through what rounds up to the threshold.
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(Math.max(0, threshold - 0.0001))]);
    const rows: MatchRow[] = await tx.query(
      `SELECT DISTINCT ON (p.party_id) p.party_id, p.name, n.name AS matched_name, p.country,
              similarity(n.normalised, $1)::float8 AS score
         FROM registry.restricted_party_names n
         JOIN registry.restricted_parties p ON p.party_id = n.party_id
        WHERE p.status = 'listed' AND n.normalised % $1
        ORDER BY p.party_id, score DESC, n.is_alias, n.name`,
      [normalised],
    );
    return rows
      .map((row) => ({ partyId: row.party_id, name: row.name, matchedName: row.matched_name, country: row.country, score: round(row.score) }))
      .filter((match) => match.score >= threshold)
      .sort((a, b) => b.score - a.score || sameCountryFirst(a, b, options.country) || a.name.localeCompare(b.name))
      .slice(0, options.limit ?? 50);
  }
}

const round = (score: number): number => Math.min(1, Math.max(0, Math.round(score * 10000) / 10000));

function sameCountryFirst(a: ScreeningMatch, b: ScreeningMatch, country: string | undefined): number {
  if (!country) return 0;
  return Number(b.country === country) - Number(a.country === country);
}
