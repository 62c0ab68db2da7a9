import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consignment's latest classification in the review's search and statistics columns (issue 12):
 * `control_code` (the control-list entry that lists the item, null when none does) and `controlled`
 * (null for consignments registered before the control list, which were never classified). The
 * search filters on both; the statistics group released consignments by them, so the covering
 * index of released consignments is rebuilt to include them. Existing rows stay null: their events
 * hold no classification, and the projection writes both columns at the next event it folds.
 */
export class ReviewClassification1764300025000 implements MigrationInterface {
  name = 'ReviewClassification1764300025000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE review.consignments ADD COLUMN control_code text, ADD COLUMN controlled boolean`);
    await runner.query(
      `CREATE INDEX consignments_control_code ON review.consignments (control_code, registered_at DESC, consignment_id DESC)`,
    );
    await runner.query(
      `CREATE INDEX consignments_controlled ON review.consignments (controlled, registered_at DESC, consignment_id DESC)`,
    );
    await runner.query(`DROP INDEX review.consignments_released`);
    await runner.query(
      `CREATE INDEX consignments_released ON review.consignments (released_on)
         INCLUDE (exporter_org, element, destination_country, hs_code, shipped_grams, control_code, controlled) WHERE released_on IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX review.consignments_released`);
    await runner.query(
      `CREATE INDEX consignments_released ON review.consignments (released_on)
         INCLUDE (exporter_org, element, destination_country, hs_code, shipped_grams) WHERE released_on IS NOT NULL`,
    );
    await runner.query(`DROP INDEX review.consignments_controlled`);
    await runner.query(`DROP INDEX review.consignments_control_code`);
    await runner.query(`ALTER TABLE review.consignments DROP COLUMN control_code, DROP COLUMN controlled`);
  }
}
