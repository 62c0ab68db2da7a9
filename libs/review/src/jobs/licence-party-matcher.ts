import { DEFAULT_SCREENING_THRESHOLD, normaliseName } from '@ree/registry';
import type { DataSource } from 'typeorm';
import type { LicenceMatch, LicenceNameMatch } from './restricted-party-match.decide';

/** Licences read and scored per round trip: bounded memory and statement size, whatever the size of the register. */
export const LICENCE_PAGE_SIZE = 1_000;

interface LicenceRow {
  licence_id: string;
  consignee: string;
  end_user: string;
}

interface ScoreRow {
  licence_id: string;
  field: 'consignee' | 'endUser';
  licence_name: string;
  party_name: string;
  score: number;
}

const round = (score: number): number => Math.min(1, Math.max(0, Math.round(score * 10000) / 10000));

/**
 * Screens one listed party against every licence's consignee and end user in the licensing read
 * model, the reverse of the registry's screening (one name against every party) with the same
 * matcher: the registry's `normaliseName` and pg_trgm `similarity`, scores rounded to four
 * decimals, a match from the registry's threshold (0.7) on. The normaliser is TypeScript, so the
 * licences are read a page at a time in licence-id order, their names normalised here, and scored
 * in SQL against the party's names and aliases — two statements per page; the licensing tables
 * need no column of the registry's making.
 */
export class LicencePartyMatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threshold = DEFAULT_SCREENING_THRESHOLD,
    private readonly pageSize = LICENCE_PAGE_SIZE,
  ) {}

  async matches(partyNames: readonly string[]): Promise<LicenceMatch[]> {
    const party = [...new Set(partyNames)].map((name) => ({ name, normalised: normaliseName(name) })).filter((name) => name.normalised !== '');
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

  private async scored(page: readonly LicenceRow[], party: readonly { name: string; normalised: string }[]): Promise<LicenceMatch[]> {
    const names = page.flatMap((row) => [
      { licenceId: row.licence_id, field: 'consignee', name: row.consignee ?? '' },
      { licenceId: row.licence_id, field: 'endUser', name: row.end_user ?? '' },
    ]);
    const rows: ScoreRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (f.licence_id, f.field) f.licence_id, f.field, f.name AS licence_name, p.name AS party_name,
              similarity(f.normalised, p.normalised)::float8 AS score
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS f(licence_id, field, name, normalised)
         CROSS JOIN unnest($5::text[], $6::text[]) AS p(name, normalised)
        WHERE f.normalised <> '' AND similarity(f.normalised, p.normalised) >= $7
        ORDER BY f.licence_id, f.field, score DESC, p.name`,
      [
        names.map((name) => name.licenceId),
        names.map((name) => name.field),
        names.map((name) => name.name),
        names.map((name) => normaliseName(name.name)),
        party.map((name) => name.name),
        party.map((name) => name.normalised),
        // Scores are compared rounded, so the query lets through what rounds up to the threshold.
        Math.max(0, this.threshold - 0.0001),
      ],
    );
    const byLicence = new Map<string, LicenceNameMatch[]>();
    for (const row of rows) {
      const score = round(row.score);
      if (score < this.threshold) continue;
      const match: LicenceNameMatch = { field: row.field, licenceName: row.licence_name, partyName: row.party_name, score };
      byLicence.set(row.licence_id, [...(byLicence.get(row.licence_id) ?? []), match]);
    }
    return [...byLicence].map(([licenceId, matched]) => ({ licenceId, names: matched }));
  }
}
