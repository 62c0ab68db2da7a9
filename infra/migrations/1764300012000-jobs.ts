import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The jobs the events call for, in PostgreSQL: what is due, and what became of it. Redis (BullMQ)
 * only runs them; the worker's sweep puts every job not finished here back on its queue when
 * Redis does not hold it (docs/operations.md, "Jobs and reactors"; docs/decisions.md 23).
 *
 * - `prefix`, `queue`, `job_id`: BullMQ's key prefix (`QUEUE_PREFIX`, one per deployment; each
 *   test run has its own), queue and job id; a reactor's job id is the id of the event that caused
 *   it, so a replay of that event adds nothing.
 * - `state`: `pending` (due at `due_at`, waiting or delayed in Redis, or not there yet), `running`
 *   (an attempt started), `failed` (an attempt failed; BullMQ retries it), `dead` (every attempt
 *   failed: an administrator retries it), `completed` (`outcome` holds what it returned).
 * - `attempts`: the attempts started since the job was recorded or last retried by hand.
 * - `position`: the global position of the causing event; NULL for jobs no event caused (anchors).
 */
export class Jobs1764300012000 implements MigrationInterface {
  name = 'Jobs1764300012000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS jobs`);
    await runner.query(`
      CREATE TABLE jobs.jobs (
        prefix     text        NOT NULL,
        queue      text        NOT NULL,
        job_id     text        NOT NULL,
        name       text        NOT NULL,
        data       jsonb       NOT NULL,
        due_at     timestamptz NOT NULL,
        state      text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'failed', 'dead', 'completed')),
        attempts   integer     NOT NULL DEFAULT 0,
        last_error text,
        outcome    jsonb,
        position   text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (prefix, queue, job_id)
      )`);
    // The sweep reads the unfinished jobs, the admin view counts by queue and state.
    await runner.query(`CREATE INDEX jobs_unfinished ON jobs.jobs (prefix, queue, job_id) WHERE state IN ('pending', 'running', 'failed')`);
    await runner.query(`CREATE INDEX jobs_by_state ON jobs.jobs (prefix, queue, state, updated_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA jobs CASCADE`);
  }
}
