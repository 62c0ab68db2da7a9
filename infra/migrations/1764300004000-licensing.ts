import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The licensing read models (schema `licensing`): licences with their items and the allocations
 * consignments hold on them. Quantities are integer grams so that sums are exact; `revision` is
 * the last licence event applied, which makes a replayed event a no-op.
 */
export class Licensing1764300004000 implements MigrationInterface {
  name = 'Licensing1764300004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS licensing`);
    await runner.query(`
      CREATE TABLE licensing.licences (
        licence_id          text        PRIMARY KEY,
        exporter_org        text        NOT NULL,
        status              text        NOT NULL,
        status_reason       text,
        destination_country text        NOT NULL,
        consignee           jsonb       NOT NULL,
        end_user            jsonb       NOT NULL,
        intended_end_use    text        NOT NULL,
        valid_from          text,
        valid_until         text,
        conditions          jsonb       NOT NULL DEFAULT '[]',
        approved_by         text,
        countersigned_by    text,
        suspended_by        text,
        screening           jsonb,
        applied_at          timestamptz NOT NULL,
        applied_position    bigint      NOT NULL,
        updated_at          timestamptz NOT NULL,
        revision            integer     NOT NULL
      )`);
    await runner.query(`CREATE INDEX licences_applied ON licensing.licences (applied_position DESC)`);
    await runner.query(`CREATE INDEX licences_exporter ON licensing.licences (exporter_org, applied_position DESC)`);
    await runner.query(`CREATE INDEX licences_status ON licensing.licences (status, applied_position DESC)`);
    await runner.query(`
      CREATE TABLE licensing.licence_items (
        licence_id      text    NOT NULL,
        item_index      integer NOT NULL,
        product         text    NOT NULL,
        hs_code         text    NOT NULL,
        element         text    NOT NULL,
        requested_grams bigint  NOT NULL,
        issued_grams    bigint,
        PRIMARY KEY (licence_id, item_index)
      )`);
    await runner.query(`
      CREATE TABLE licensing.licence_allocations (
        licence_id      text        NOT NULL,
        consignment_id  text        NOT NULL,
        item_index      integer     NOT NULL,
        allocated_grams bigint      NOT NULL,
        released_grams  bigint      NOT NULL DEFAULT 0,
        shipped_grams   bigint      NOT NULL DEFAULT 0,
        allocated_at    timestamptz NOT NULL,
        PRIMARY KEY (licence_id, consignment_id)
      )`);
    await runner.query(`CREATE INDEX licence_allocations_consignment ON licensing.licence_allocations (consignment_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA licensing CASCADE`);
  }
}
