import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licence kinds (libs/licensing/README.md, "Kinds and endorsements"; docs/decisions.md 46): each
 * licence's kind, the customs office it names and a general licence's eligibility facts (all
 * null for licences applied for before kinds existed), and the customs declarations endorsed on
 * each licence, withdrawn ones included. The projection fills them from the events; licences
 * projected before show no kind and no endorsement, which is what their events say.
 */
export class LicenceKinds1764300024000 implements MigrationInterface {
  name = 'LicenceKinds1764300024000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE licensing.licences
        ADD COLUMN kind           text,
        ADD COLUMN customs_office text,
        ADD COLUMN eligibility    jsonb`);
    await runner.query(`
      CREATE TABLE licensing.licence_endorsements (
        licence_id             text    NOT NULL,
        number                 integer NOT NULL,
        consignment_id         text    NOT NULL,
        customs_declaration_no text    NOT NULL,
        customs_office         text    NOT NULL,
        grams                  bigint  NOT NULL,
        endorsed_on            text    NOT NULL,
        withdrawn_reason       text,
        PRIMARY KEY (licence_id, number)
      )`);
    await runner.query(`CREATE INDEX licence_endorsements_consignment ON licensing.licence_endorsements (consignment_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE licensing.licence_endorsements`);
    await runner.query(`ALTER TABLE licensing.licences DROP COLUMN kind, DROP COLUMN customs_office, DROP COLUMN eligibility`);
  }
}
