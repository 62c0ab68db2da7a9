import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projector's checkpoints: one row per projection, written in the same transaction as the
 * projection's read-model rows, so a read model and its checkpoint never disagree.
 */
export class Projections1764300001000 implements MigrationInterface {
  name = 'Projections1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS projections`);
    await queryRunner.query(`
      CREATE TABLE projections.checkpoints (
        name text PRIMARY KEY,
        checkpoint text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        events_processed bigint NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN projections.checkpoints.checkpoint IS 'Opaque event-store position of the last event applied; NULL before the first batch'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projections.checkpoints`);
  }
}
