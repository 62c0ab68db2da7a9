import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `Idempotency-Key` (docs/http-conventions.md, "Idempotency-Key"): one row per key, scoped by the caller, the method and the path.
 * A row without `completed_at` is a claim held by a request that is still running; a completed row
 * holds the first answer, which every repeat gets back without running the handler again. The body
 * is kept as the JSON text the handler's value serialised to, so that repeats get it byte for byte.
 */
export class Idempotency1764300002000 implements MigrationInterface {
  name = 'Idempotency1764300002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS platform`);
    await runner.query(`
      CREATE TABLE platform.idempotency_keys (
        subject          text        NOT NULL,
        method           text        NOT NULL,
        path             text        NOT NULL,
        key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash     text        NOT NULL,
        claim_id         uuid        NOT NULL,
        status_code      integer,
        response_headers jsonb,
        response_body    text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        completed_at     timestamptz,
        PRIMARY KEY (subject, method, path, key)
      )`);
    await runner.query(`CREATE INDEX idempotency_keys_created_at ON platform.idempotency_keys (created_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE platform.idempotency_keys`);
  }
}
