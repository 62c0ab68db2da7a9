import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application role may INSERT events, so without this guard it could insert one at any
 * position it names: below what projections have read (they never see it) or in another
 * transaction's block. The append statement places every event in its own transaction's block,
 * `((position_base() + xid) << 20) + n`, with `transaction_id` its own id
 * (libs/event-store/src/postgres/append-statement.ts); this statement-level trigger refuses any
 * INSERT whose rows are placed otherwise, unless the inserting role is the table's owner or a
 * superuser (a logical restore, docs/operations.md "Backup and restore"). One check per
 * statement, over the rows it inserted (docs/decisions.md, 35).
 */
export class EventsPlacedByTheirTransaction1764300018000 implements MigrationInterface {
  name = 'EventsPlacedByTheirTransaction1764300018000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION event_store.reject_placed_elsewhere() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        low bigint;
      BEGIN
        IF pg_has_role(current_user, (SELECT relowner FROM pg_catalog.pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
          RETURN NULL;
        END IF;
        low := (event_store.position_base() + pg_current_xact_id()::text::bigint) << 20;
        IF EXISTS (
          SELECT 1 FROM inserted
          WHERE position < low OR position >= low + 1048576 OR transaction_id IS DISTINCT FROM pg_current_xact_id()
        ) THEN
          RAISE EXCEPTION 'event_store.events: an event is placed only in the position block of the transaction that appends it'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_placed_by_their_transaction AFTER INSERT ON event_store.events
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_placed_elsewhere()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER events_placed_by_their_transaction ON event_store.events`);
    await queryRunner.query(`DROP FUNCTION event_store.reject_placed_elsewhere()`);
  }
}
