import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Positions that survive a logical dump and restore (docs/decisions.md, 20).
 *
 * A position becomes `(base + transaction id) << 20` plus the counter within the transaction, and
 * the readers' horizon `(base + oldest running transaction id) << 20`: for one base exactly the
 * rows the old `transaction_id` guard let through, but expressed in positions, so that rows
 * restored from another cluster (whose ids are unrelated to this cluster's) sort and read by
 * their position alone. `position_epochs` records each base with the cluster it belongs to
 * (`pg_control_system().system_identifier`); the newest row is in force. When the database runs
 * on another cluster than the newest row names, `position_base()` refuses, so that nothing is
 * appended below the restored head and no reader stalls unseen, until `npm run restore:positions`
 * (libs/event-store/src/postgres/position-epochs.ts) records a base above the restored head.
 * The first row keeps base 0: positions already stored and those to come are unchanged. Where the
 * stored head lies beyond every transaction this cluster has committed (a dump of a version before
 * this migration, restored into a new cluster), it names no cluster (0), so the store refuses
 * until the restore step has run, as after any other logical restore.
 */
export class PositionEpochs1764300010000 implements MigrationInterface {
  name = 'PositionEpochs1764300010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_store.position_epochs (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        base bigint NOT NULL CHECK (base >= 0),
        system_identifier bigint NOT NULL,
        head bigint,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`COMMENT ON TABLE event_store.position_epochs IS
      'Position bases, newest last: positions are ((base + xid) << 20) + n on the cluster named; head is the position it continued above'`);
    await queryRunner.query(`
      INSERT INTO event_store.position_epochs (base, system_identifier, head)
      SELECT 0, CASE WHEN head IS NULL OR head >> 20 < pg_snapshot_xmax(pg_current_snapshot())::text::bigint
                     THEN c.system_identifier ELSE 0 END, head
      FROM pg_control_system() c, (SELECT max(position) AS head FROM event_store.events) h`);
    await queryRunner.query(`
      CREATE FUNCTION event_store.reject_epoch_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'event_store.position_epochs is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'A base is only ever raised, by npm run restore:positions.';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER position_epochs_reject_update_delete BEFORE UPDATE OR DELETE ON event_store.position_epochs
      FOR EACH ROW EXECUTE FUNCTION event_store.reject_epoch_change()`);
    await queryRunner.query(`
      CREATE TRIGGER position_epochs_reject_truncate BEFORE TRUNCATE ON event_store.position_epochs
      FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_epoch_change()`);
    // SQLSTATE RE001 is the adapter's EventStoreRestoreRequiredError; the message is the operator's one line.
    // pg_control_system() reads the control file (some 25 us); a session never changes cluster, so its
    // answer is kept in the session setting event_store.cluster after the first call.
    await queryRunner.query(`
      CREATE FUNCTION event_store.position_base() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
      DECLARE
        cluster text := current_setting('event_store.cluster', true);
        epoch record;
      BEGIN
        IF coalesce(cluster, '') = '' THEN
          cluster := (SELECT system_identifier::text FROM pg_control_system());
          PERFORM set_config('event_store.cluster', cluster, false);
        END IF;
        SELECT e.base, e.system_identifier::text = cluster AS here INTO epoch
        FROM event_store.position_epochs e ORDER BY e.id DESC LIMIT 1;
        IF NOT coalesce(epoch.here, false) THEN
          RAISE EXCEPTION 'The event store was restored into another PostgreSQL cluster: run npm run restore:positions before starting the API and the worker'
            USING ERRCODE = 'RE001',
                  HINT = 'Positions must continue above the restored head (docs/operations.md, "Backup and restore").';
        END IF;
        RETURN epoch.base;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION event_store.readable_below() RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT (event_store.position_base() + pg_snapshot_xmin(pg_current_snapshot())::text::bigint) << 20
      $$`);
    await queryRunner.query(`COMMENT ON FUNCTION event_store.readable_below() IS
      'Ordered readers deliver only positions below this: those of transactions older than every running one'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION event_store.readable_below()');
    await queryRunner.query('DROP FUNCTION event_store.position_base()');
    await queryRunner.query('DROP TABLE event_store.position_epochs');
    await queryRunner.query('DROP FUNCTION event_store.reject_epoch_change()');
  }
}
