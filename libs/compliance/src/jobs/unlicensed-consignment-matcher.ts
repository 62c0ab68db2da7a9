import { companyKey, DEFAULT_SCREENING_THRESHOLD, skeletonise } from '@ree/registry';
import type { DataSource } from 'typeorm';
import { LICENCE_PAGE_SIZE, reachedMatch, type ReachedCompany, scoredNames } from './licence-party-matcher';
import type { LicenceNameMatch, UnlicensedMatch } from './restricted-party-match.decide';

interface EndUserRow {
  consignment_id: string;
  end_user: string | null;
  end_user_country: string | null;
}

/**
 * Screens one listed party against the end users of the consignments WITHOUT a licence, as `LicencePartyMatcher`
 * screens the licences: since the control list an item it does not name ships without one, and no licence leads to
 * such a consignment. The end user is its end-use declaration's, read from the review read model (`review.consignments`:
 * the rows without a licence, the `endUse` of the review document), a page at a time in consignment-id order (the
 * partial index `consignments_without_licence`), and matched with the same matcher and threshold by name, or exactly
 * on the company key for the companies the ownership registry reached. A consignment that holds a licence is left to
 * the screening of its licence. Rows without a declaration (nothing to match yet) and cancelled ones are skipped.
 */
export class UnlicensedConsignmentMatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly threshold = DEFAULT_SCREENING_THRESHOLD,
    private readonly pageSize = LICENCE_PAGE_SIZE,
  ) {}

  async matches(partyNames: readonly string[]): Promise<UnlicensedMatch[]> {
    const party = [...new Set(partyNames)].map(skeletonise).filter((name) => name.sorted !== '');
    if (party.length === 0) return [];
    const matches: UnlicensedMatch[] = [];
    await this.pages(async (page) => {
      const names = page.map((row) => ({ id: row.consignment_id, field: 'endUser' as const, name: row.end_user ?? '' }));
      const byConsignment = await scoredNames(this.dataSource, names, party, this.threshold);
      for (const [consignmentId, matched] of byConsignment) matches.push({ consignmentId, names: matched });
    });
    return matches;
  }

  /** The consignments whose end user is one of the companies the ownership registry reached, exactly on the company key. */
  async ownedMatches(reached: readonly ReachedCompany[]): Promise<UnlicensedMatch[]> {
    const byKey = new Map(reached.map((company) => [companyKey(company.company), company]));
    if (byKey.size === 0) return [];
    const matches: UnlicensedMatch[] = [];
    await this.pages(async (page) => {
      for (const row of page) {
        const match: LicenceNameMatch | null = reachedMatch(byKey, 'endUser', row.end_user, row.end_user_country);
        if (match) matches.push({ consignmentId: row.consignment_id, names: [match] });
      }
    });
    return matches;
  }

  private async pages(each: (page: readonly EndUserRow[]) => Promise<void>): Promise<void> {
    for (let after = ''; ; ) {
      const page: EndUserRow[] = await this.dataSource.query(
        `SELECT consignment_id, document->'endUse'->'endUser'->>'name' AS end_user, document->'endUse'->'endUser'->>'country' AS end_user_country
           FROM review.consignments
          WHERE licence_id IS NULL AND consignment_id > $1 AND status <> 'cancelled' AND jsonb_typeof(document->'endUse') = 'object'
          ORDER BY consignment_id LIMIT $2`,
        [after, this.pageSize],
      );
      if (page.length > 0) await each(page);
      if (page.length < this.pageSize) return;
      after = page[page.length - 1].consignment_id;
    }
  }
}
