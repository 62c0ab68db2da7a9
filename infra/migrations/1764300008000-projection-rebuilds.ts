import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last rebuild of each projection, written by the projector that runs it, so that its
 * progress can be read from any instance (a rebuild runs on one worker, status is asked of
 * another, or of the API). `rebuild_id` fences a blue/green switch: a rebuild started meanwhile
 * on another instance replaces it, and the older one then refuses to switch.
 *
 * - `mode`: `blue-green` (a copy of the projection's schema is filled, then switched with the live
 *   one) or `in-place` (the tables are emptied and refilled).
 * - `phase`: `replaying`, `switching` (blue/green only), `done` or `failed`; a rebuild whose
 *   worker died stays in the phase it had until the next rebuild of the projection.
 * - `target`: the head of the event store when the rebuild began; `checkpoint` and
 *   `events_processed`: how far the replay had come at `updated_at`.
 */
export class ProjectionRebuilds1764300008000 implements MigrationInterface {
  name = 'ProjectionRebuilds1764300008000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE projections.rebuilds (
        name             text        PRIMARY KEY,
        rebuild_id       uuid        NOT NULL,
        mode             text        NOT NULL CHECK (mode IN ('blue-green', 'in-place')),
        phase            text        NOT NULL CHECK (phase IN ('replaying', 'switching', 'done', 'failed')),
        target           text,
        checkpoint       text,
        events_processed bigint      NOT NULL DEFAULT 0,
        started_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        finished_at      timestamptz,
        error            text
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE projections.rebuilds`);
  }
}
