import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A keyed request is one command however often it is sent: a retry runs with the time and the
 * correlation id of the first attempt, so that it decides and records what the first would have
 * (the event store compares the content of re-appended event ids). The claim therefore keeps them:
 *
 * - `received_at`, `correlation_id`: when the attempt that began the command arrived, and its
 *   correlation id. NULL on rows claimed before this migration: their retries use their own.
 * - `released_at`: set when an attempt ended in a fault (5xx, or its answer could not be stored):
 *   the key is free for a retry with the same body, which takes the first attempt's time and
 *   correlation id over. An attempt that ended with a 4xx still deletes its row.
 */
export class IdempotencyFirstAttempt1764300009000 implements MigrationInterface {
  name = 'IdempotencyFirstAttempt1764300009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE platform.idempotency_keys
        ADD COLUMN received_at    timestamptz,
        ADD COLUMN correlation_id text,
        ADD COLUMN released_at    timestamptz`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE platform.idempotency_keys
        DROP COLUMN released_at,
        DROP COLUMN correlation_id,
        DROP COLUMN received_at`);
  }
}
