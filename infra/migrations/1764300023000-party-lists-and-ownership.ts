import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Restricted lists with their consequences, each party on one of them, and the ownership registry
 * (libs/registry/README.md, "Lists and ownership"; docs/decisions.md 45):
 * - `registry.restricted_lists`: one row per `RestrictedListDefined`;
 * - `registry.restricted_parties.list_id`: the party's list. Parties projected before it were listed
 *   before there was more than one list, on the Unreliable Entity List, whose id is deterministic
 *   (`UNRELIABLE_ENTITY_LIST_ID`, written out here so that this migration never changes);
 * - `registry.ownership_facts`: one row per fact, with each company's key (country and the sorted key of
 *   its name's skeleton) that the walk follows, indexed both ways;
 * - a btree index on the listed names' sorted skeleton key: the walk asks whether an owner is a listed
 *   party by equality of that key.
 */
export class PartyListsAndOwnership1764300023000 implements MigrationInterface {
  name = 'PartyListsAndOwnership1764300023000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE registry.restricted_lists (
        list_id     text        PRIMARY KEY,
        name        text        NOT NULL,
        description text        NOT NULL,
        consequence text        NOT NULL CHECK (consequence IN ('refuse', 'licence-required', 'flag')),
        defined_at  timestamptz NOT NULL
      )`);
    await runner.query(`ALTER TABLE registry.restricted_parties ADD COLUMN list_id text`);
    await runner.query(`UPDATE registry.restricted_parties SET list_id = '588719a4-bc59-5b83-a1af-d14a3bd53747' WHERE list_id IS NULL`);
    await runner.query(`ALTER TABLE registry.restricted_parties ALTER COLUMN list_id SET NOT NULL`);
    await runner.query(`CREATE INDEX restricted_party_names_sorted_key ON registry.restricted_party_names (skeleton_sorted)`);
    await runner.query(`
      CREATE TABLE registry.ownership_facts (
        fact_id       text          PRIMARY KEY,
        owner_name    text          NOT NULL,
        owner_country text          NOT NULL,
        owner_key     text          NOT NULL,
        owned_name    text          NOT NULL,
        owned_country text          NOT NULL,
        owned_key     text          NOT NULL,
        share_percent numeric(5, 2) NOT NULL,
        source        text          NOT NULL,
        as_of         date          NOT NULL,
        status        text          NOT NULL CHECK (status IN ('in-force', 'ended')),
        recorded_at   timestamptz   NOT NULL,
        ended_on      date,
        end_reason    text
      )`);
    await runner.query(`CREATE INDEX ownership_facts_owned ON registry.ownership_facts (owned_key) WHERE status = 'in-force'`);
    await runner.query(`CREATE INDEX ownership_facts_owner ON registry.ownership_facts (owner_key) WHERE status = 'in-force'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE registry.ownership_facts`);
    await runner.query(`DROP INDEX registry.restricted_party_names_sorted_key`);
    await runner.query(`ALTER TABLE registry.restricted_parties DROP COLUMN list_id`);
    await runner.query(`DROP TABLE registry.restricted_lists`);
  }
}
