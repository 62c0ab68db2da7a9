import type { QueryRunner } from 'typeorm';
import { nameSkeleton, skeletonKeys } from '../../../libs/registry/src/screening/name-skeleton';

/** Rows updated per statement. */
const BATCH = 1_000;

/**
 * Computes, with the skeleton code this build ships, the skeleton and keys of every name in
 * `registry.restricted_party_names` and stores them, inside the migration's transaction: screening
 * never sees a half-updated list. Called by the migration that added the columns and by any later
 * one that ships a new confusables table (libs/registry/README.md, "The confusables data").
 */
export async function storeSkeletons(runner: QueryRunner): Promise<void> {
  const rows: Array<{ party_id: string; name: string }> = await runner.query(
    `SELECT party_id, name FROM registry.restricted_party_names ORDER BY party_id, name`,
  );
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const skeletons = batch.map((row) => nameSkeleton(row.name));
    const keys = skeletons.map(skeletonKeys);
    await runner.query(
      `UPDATE registry.restricted_party_names n
          SET skeleton = s.skeleton, skeleton_sorted = s.sorted, skeleton_compact = s.compact
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS s(party_id, name, skeleton, sorted, compact)
        WHERE n.party_id = s.party_id AND n.name = s.name`,
      [batch.map((row) => row.party_id), batch.map((row) => row.name), skeletons, keys.map((key) => key.sorted), keys.map((key) => key.compact)],
    );
  }
}
