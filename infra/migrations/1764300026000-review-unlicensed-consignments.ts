import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consignments without a licence, for the retro-screening (issue 12): since the control list, an item the list
 * does not name ships without one, so a party listed later, or found later to own 50 % or more of an end user, can
 * only be found among these consignments by their end-use declaration's end user — no licence leads to them. The
 * compliance job reads them a page at a time in consignment-id order; most consignments hold a licence, so a partial
 * index of the others keeps each page to the rows it returns instead of a walk of the whole primary key.
 */
export class ReviewUnlicensedConsignments1764300026000 implements MigrationInterface {
  name = 'ReviewUnlicensedConsignments1764300026000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX consignments_without_licence ON review.consignments (consignment_id) WHERE licence_id IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX review.consignments_without_licence`);
  }
}
