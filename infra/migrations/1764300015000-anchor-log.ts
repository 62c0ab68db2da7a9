import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anchors commit to the global log (docs/decisions.md 30, docs/audit.md, "Anchors and proofs"):
 *
 * - `audit.anchors.log_hash`: the running hash over every event up to the anchor's `last_position`
 *   in position order, signed with the rest; null for the anchors taken before, whose signature
 *   covers the heads alone. Adding a column rewrites no row, so the append-only triggers stay.
 * - `audit.integrity_sweeps`: one row per run of the integrity sweep (every stream's chain and the
 *   log against the latest anchor), with what it found, for `GET /admin/integrity`. `job_id` is
 *   unique: a sweep job run again after a crash records one row.
 */
export class AnchorLog1764300015000 implements MigrationInterface {
  name = 'AnchorLog1764300015000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE audit.anchors ADD COLUMN log_hash text CHECK (log_hash ~ '^[0-9a-f]{64}$')`);
    await runner.query(`
      CREATE TABLE audit.integrity_sweeps (
        sweep_id    uuid        PRIMARY KEY,
        job_id      text        UNIQUE,
        started_at  timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        anchor_id   uuid        REFERENCES audit.anchors (anchor_id),
        streams     integer     NOT NULL CHECK (streams >= 0),
        events      bigint      NOT NULL CHECK (events >= 0),
        consistent  boolean     NOT NULL,
        findings    jsonb       NOT NULL
      )`);
    await runner.query(`CREATE INDEX integrity_sweeps_finished ON audit.integrity_sweeps (finished_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE audit.integrity_sweeps`);
    await runner.query(`ALTER TABLE audit.anchors DROP COLUMN log_hash`);
  }
}
