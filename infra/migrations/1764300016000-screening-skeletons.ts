import { MigrationInterface, QueryRunner } from 'typeorm';
import { nameSkeleton, skeletonKeys } from '../../libs/registry/src/screening/name-skeleton';

/** Rows updated per statement while the skeletons of the names already listed are filled in. */
const BATCH = 1_000;

/**
 * Screening compares confusable skeletons (libs/registry/README.md, "Screening"; docs/decisions.md
 * 31): every listed name and alias keeps its skeleton (the words in the order written) and the two
 * keys it is scored by, each with a trigram index: `skeleton_sorted` (words sorted) and
 * `skeleton_compact` (words run together). They are computed once, here for the names already
 * projected and by the projection for every later listing, never per screening. The skeleton is
 * TypeScript (NFKC, UTS #39 confusables), so this migration computes it with the code it ships with;
 * after the confusables table changes, rebuild `registry.restricted-parties` instead.
 */
export class ScreeningSkeletons1764300016000 implements MigrationInterface {
  name = 'ScreeningSkeletons1764300016000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE registry.restricted_party_names
        ADD COLUMN skeleton         text,
        ADD COLUMN skeleton_sorted  text,
        ADD COLUMN skeleton_compact text`);
    const rows: Array<{ party_id: string; name: string }> = await runner.query(
      `SELECT party_id, name FROM registry.restricted_party_names ORDER BY party_id, name`,
    );
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const skeletons = batch.map((row) => nameSkeleton(row.name));
      await runner.query(
        `UPDATE registry.restricted_party_names n
            SET skeleton = s.skeleton, skeleton_sorted = s.sorted, skeleton_compact = s.compact
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS s(party_id, name, skeleton, sorted, compact)
          WHERE n.party_id = s.party_id AND n.name = s.name`,
        [
          batch.map((row) => row.party_id),
          batch.map((row) => row.name),
          skeletons,
          skeletons.map((skeleton) => skeletonKeys(skeleton).sorted),
          skeletons.map((skeleton) => skeletonKeys(skeleton).compact),
        ],
      );
    }
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
