import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed anchors (schema `audit`, docs/audit.md, "Anchors and proofs").
 *
 * - `anchors`: one row per anchor, newest last by `seq` (the lists' order and cursor). `job_id`
 *   is the BullMQ job that took it, unique, so that a retried job never takes a second one.
 *   `leaves_of` names the anchor whose leaf rows it shares: itself, or an earlier anchor with the
 *   same root when nothing had changed (an idle store costs one row per anchor, not one per stream).
 * - `anchor_leaves`: each stream's head as the anchor saw it and its position in the tree, so
 *   that a proof can be built against any anchor, and an anchor checked against the store.
 * Both tables are append-only, like the events they vouch for.
 */
export class Audit1764300007000 implements MigrationInterface {
  name = 'Audit1764300007000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS audit`);
    await runner.query(`
      CREATE TABLE audit.anchors (
        anchor_id     uuid        PRIMARY KEY,
        seq           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
        taken_at      timestamptz NOT NULL,
        root          text        NOT NULL CHECK (root ~ '^[0-9a-f]{64}$'),
        streams       integer     NOT NULL CHECK (streams >= 0),
        events        bigint      NOT NULL CHECK (events >= streams),
        last_position bigint,
        key_id        text        NOT NULL,
        signature     text        NOT NULL,
        job_id        text        UNIQUE,
        leaves_of     uuid        NOT NULL REFERENCES audit.anchors (anchor_id)
      )`);
    await runner.query(`
      CREATE TABLE audit.anchor_leaves (
        anchor_id  uuid    NOT NULL REFERENCES audit.anchors (anchor_id),
        leaf_index integer NOT NULL CHECK (leaf_index >= 0),
        stream_id  text    NOT NULL,
        revision   integer NOT NULL CHECK (revision >= 0),
        head_hash  text    NOT NULL,
        PRIMARY KEY (anchor_id, leaf_index),
        CONSTRAINT anchor_leaves_stream_unique UNIQUE (anchor_id, stream_id)
      )`);
    await runner.query(`
      CREATE FUNCTION audit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%.% is append-only: % is not allowed', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['anchors', 'anchor_leaves']) {
      await runner.query(`
        CREATE TRIGGER ${table}_reject_update_delete BEFORE UPDATE OR DELETE ON audit.${table}
        FOR EACH ROW EXECUTE FUNCTION audit.reject_change()`);
      await runner.query(`
        CREATE TRIGGER ${table}_reject_truncate BEFORE TRUNCATE ON audit.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change()`);
      await runner.query(`REVOKE TRUNCATE, UPDATE, DELETE ON audit.${table} FROM PUBLIC`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA IF EXISTS audit CASCADE`);
  }
}
