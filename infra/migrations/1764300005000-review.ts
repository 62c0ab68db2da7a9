import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole-process review read model (schema `review`), built by the review projection only.
 * Every table of the projection lives in this schema and nowhere else, so that a rebuild can
 * fill a copy of the schema while this one keeps answering, then switch the two (blue/green,
 * docs/decisions.md).
 *
 * - `consignments`: one row per consignment: the columns the reviewers' search filters and sorts
 *   on, the statistics' columns, the review `document` (docs/api.md, "The whole-process review"), and `fold` (the rest of the fold's
 *   state, so that the next event is applied without reading the streams again).
 * - `flags`: one row per red flag raised on a consignment (open while `cleared_at` is null), in
 *   the order of the document's `flags`.
 * - `licence_consignments`: which consignments attached a licence, to carry its events to them.
 * - `licences`: each licence's own fold (`revision` its stream's last event applied), handed to a
 *   consignment when it attaches the licence, and `history`, the licence's events that such a
 *   consignment must still see: those naming no consignment (application, screenings, decisions)
 *   and those naming one that has not attached it yet (its allocation, just before the attach).
 * - `mines`: a mine's name, shown beside the sources drawn on it, and `pending`, the draws and
 *   returns naming a consignment none of whose sources names the mine yet (the draw comes just
 *   before its declaration).
 * Quantities are integer grams; positions are the store's global positions.
 */
export class Review1764300005000 implements MigrationInterface {
  name = 'Review1764300005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS review`);
    await runner.query(`
      CREATE TABLE review.consignments (
        consignment_id      text        PRIMARY KEY,
        exporter_org        text        NOT NULL,
        status              text        NOT NULL,
        product             text        NOT NULL,
        element             text        NOT NULL,
        hs_code             text        NOT NULL,
        destination_country text        NOT NULL,
        quantity_grams      bigint      NOT NULL,
        licence_id          text,
        registered_at       timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        released_on         date,
        shipped_grams       bigint      NOT NULL DEFAULT 0,
        open_flags          text[]      NOT NULL DEFAULT '{}',
        open_severities     text[]      NOT NULL DEFAULT '{}',
        last_position       bigint      NOT NULL,
        document            jsonb       NOT NULL,
        fold                jsonb       NOT NULL
      )`);
    // The projection rewrites a consignment's document and fold at every batch that touches it: lz4 compresses them
    // several times faster than the default pglz. A server built without lz4 keeps pglz.
    await runner.query(`
      DO $$ BEGIN
        ALTER TABLE review.consignments ALTER COLUMN document SET COMPRESSION lz4, ALTER COLUMN fold SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$`);
    // The search answers newest first, keyed (registered_at, consignment_id) for the cursor; one index per equality filter.
    await runner.query(`CREATE INDEX consignments_registered ON review.consignments (registered_at DESC, consignment_id DESC)`);
    for (const column of ['status', 'exporter_org', 'destination_country', 'element']) {
      await runner.query(
        `CREATE INDEX consignments_${column} ON review.consignments (${column}, registered_at DESC, consignment_id DESC)`,
      );
    }
    await runner.query(`CREATE INDEX consignments_open_flags ON review.consignments USING gin (open_flags)`);
    await runner.query(`CREATE INDEX consignments_open_severities ON review.consignments USING gin (open_severities)`);
    // The statistics read every released consignment in a span of days: covered, they never touch the table.
    await runner.query(
      `CREATE INDEX consignments_released ON review.consignments (released_on)
         INCLUDE (exporter_org, element, destination_country, hs_code, shipped_grams) WHERE released_on IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX consignments_licence ON review.consignments (licence_id) WHERE licence_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE review.flags (
        consignment_id  text        NOT NULL,
        seq             integer     NOT NULL,
        flag_key        text        NOT NULL,
        code            text        NOT NULL,
        severity        text        NOT NULL,
        detail          text        NOT NULL,
        exporter_org    text        NOT NULL,
        raised_at       timestamptz NOT NULL,
        raised_position bigint      NOT NULL,
        cleared_at      timestamptz,
        PRIMARY KEY (consignment_id, seq)
      )`);
    await runner.query(`CREATE INDEX flags_raised ON review.flags (raised_at DESC, consignment_id DESC, seq DESC)`);
    await runner.query(`CREATE INDEX flags_open ON review.flags (raised_at DESC, consignment_id DESC, seq DESC) WHERE cleared_at IS NULL`);
    await runner.query(`CREATE INDEX flags_code ON review.flags (code, raised_at DESC)`);
    await runner.query(`CREATE INDEX flags_exporter ON review.flags (exporter_org, raised_at DESC)`);
    await runner.query(`
      CREATE TABLE review.licence_consignments (
        licence_id     text NOT NULL,
        consignment_id text NOT NULL,
        PRIMARY KEY (licence_id, consignment_id)
      )`);
    await runner.query(`
      CREATE TABLE review.licences (
        licence_id text    PRIMARY KEY,
        revision   integer NOT NULL,
        fold       jsonb   NOT NULL,
        history    jsonb   NOT NULL DEFAULT '[]'
      )`);
    await runner.query(`
      CREATE TABLE review.mines (
        mine_id  text    PRIMARY KEY,
        revision integer NOT NULL,
        name     text,
        pending  jsonb   NOT NULL DEFAULT '[]'
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA IF EXISTS review CASCADE`);
  }
}
