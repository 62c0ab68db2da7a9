import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store: one append-only table of every stream's events.
 *
 * `position` grows in transaction-id order (`xid << 20` plus a counter within the transaction)
 * and `transaction_id` records the writer's transaction, so that readers can stop below the
 * oldest running transaction and never skip a late commit (docs/event-store.md, "Global order").
 * The extensions are created here because this is the first migration; later ones use them.
 */
export class EventStore1764300000000 implements MigrationInterface {
  name = 'EventStore1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS event_store');
    await queryRunner.query(`
      CREATE TABLE event_store.events (
        position bigint PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        revision integer NOT NULL CHECK (revision >= 0),
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION event_store.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store.events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'History is never rewritten; append a compensating event instead.';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_reject_update_delete BEFORE UPDATE OR DELETE ON event_store.events
      FOR EACH ROW EXECUTE FUNCTION event_store.reject_change()`);
    await queryRunner.query(`
      CREATE TRIGGER events_reject_truncate BEFORE TRUNCATE ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_change()`);
    // Subscribers LISTEN on this channel; NOTIFY is delivered at commit, so a woken reader finds the rows.
    await queryRunner.query(`
      CREATE FUNCTION event_store.notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('event_store_appended', '');
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_notify_appended AFTER INSERT ON event_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.notify_appended()`);
    await queryRunner.query('REVOKE TRUNCATE, UPDATE, DELETE ON event_store.events FROM PUBLIC');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA event_store CASCADE');
  }
}
