import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The control list's read model (libs/registry/README.md, "The control list"): one row per
 * announcement taken in, with its changes as published (jsonb) and its status. The control list
 * in force on a day is the fold of the adopted rows (`controlListOn`), read with the projection's
 * checkpoint in one transaction.
 */
export class ControlAnnouncements1764300022000 implements MigrationInterface {
  name = 'ControlAnnouncements1764300022000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE registry.control_announcements (
        announcement_id  text PRIMARY KEY,
        number           text NOT NULL,
        issuer           text NOT NULL,
        published_on     text NOT NULL,
        effective_on     text NOT NULL,
        text_url         text NOT NULL,
        changes          jsonb NOT NULL,
        note             text,
        citation         text,
        status           text NOT NULL,
        proposed_by      text NOT NULL,
        proposed_at      timestamptz NOT NULL,
        adopted_by       text,
        rejected_by      text,
        rejection_reason text,
        decided_at       timestamptz,
        revision         integer NOT NULL
      )`);
    await runner.query(`CREATE INDEX control_announcements_number ON registry.control_announcements (number)`);
    await runner.query(`CREATE INDEX control_announcements_adopted ON registry.control_announcements (effective_on) WHERE status = 'adopted'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry.control_announcements`);
  }
}
