import { MigrationInterface, QueryRunner } from 'typeorm';
import { storeSkeletons } from './support/screening-skeletons';

/**
 * Screening compares confusable skeletons (libs/registry/README.md, "Screening"; docs/decisions.md
 * 31): every listed name and alias keeps its skeleton (the words in the order written) and the two
 * keys it is scored by, each with a trigram index: `skeleton_sorted` (words sorted) and
 * `skeleton_compact` (words run together). They are computed once, here for the names already
 * projected and by the projection for every later listing, never per screening. The skeleton is
 * TypeScript (NFKC, UTS #39 confusables), so this migration computes it with the code it ships with
 * (`storeSkeletons`); a later confusables table ships with a migration that calls it again.
 */
export class ScreeningSkeletons1764300016000 implements MigrationInterface {
  name = 'ScreeningSkeletons1764300016000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE registry.restricted_party_names
        ADD COLUMN skeleton         text,
        ADD COLUMN skeleton_sorted  text,
        ADD COLUMN skeleton_compact text`);
    await storeSkeletons(runner);
    await runner.query(`
      ALTER TABLE registry.restricted_party_names
        ALTER COLUMN skeleton SET NOT NULL,
        ALTER COLUMN skeleton_sorted SET NOT NULL,
        ALTER COLUMN skeleton_compact SET NOT NULL`);
    await runner.query(
      `CREATE INDEX restricted_party_names_skeleton_sorted_trgm ON registry.restricted_party_names USING gin (skeleton_sorted gin_trgm_ops)`,
    );
    await runner.query(
      `CREATE INDEX restricted_party_names_skeleton_compact_trgm ON registry.restricted_party_names USING gin (skeleton_compact gin_trgm_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE registry.restricted_party_names
        DROP COLUMN skeleton, DROP COLUMN skeleton_sorted, DROP COLUMN skeleton_compact`);
  }
}
