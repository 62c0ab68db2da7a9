import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registries' read models (schema `registry`): mines with their quota batches and draws, and
 * the restricted-party list with every name and alias normalised for fuzzy screening.
 * Quantities are integer grams so that sums are exact. pg_trgm comes from the first migration.
 */
export class Registry1764300003000 implements MigrationInterface {
  name = 'Registry1764300003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA IF NOT EXISTS registry`);
    await runner.query(`
      CREATE TABLE registry.mines (
        mine_id           text        PRIMARY KEY,
        name              text        NOT NULL,
        operator          text        NOT NULL,
        region            text        NOT NULL,
        country           text        NOT NULL,
        mining_licence_no text        NOT NULL,
        deposit_type      text        NOT NULL,
        registered_at     timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX mines_name_id ON registry.mines (name, mine_id)`);
    await runner.query(`
      CREATE TABLE registry.mine_quota_allocations (
        event_id      uuid        PRIMARY KEY,
        allocation_id text        NOT NULL,
        mine_id       text        NOT NULL,
        year          integer     NOT NULL,
        category      text        NOT NULL,
        quota_grams   bigint      NOT NULL,
        allocated_at  timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX mine_quota_allocations_mine ON registry.mine_quota_allocations (mine_id, year, category)`);
    await runner.query(`
      CREATE TABLE registry.mine_quota_draws (
        mine_id        text    NOT NULL,
        declaration_id text    NOT NULL,
        consignment_id text    NOT NULL,
        year           integer NOT NULL,
        category       text    NOT NULL,
        drawn_grams    bigint  NOT NULL DEFAULT 0,
        returned_grams bigint  NOT NULL DEFAULT 0,
        return_reason  text,
        PRIMARY KEY (mine_id, declaration_id)
      )`);
    await runner.query(`
      CREATE TABLE registry.restricted_parties (
        party_id         text        PRIMARY KEY,
        name             text        NOT NULL,
        aliases          jsonb       NOT NULL,
        country          text        NOT NULL,
        reason           text        NOT NULL,
        list_reference   text        NOT NULL,
        status           text        NOT NULL CHECK (status IN ('listed', 'delisted')),
        listed_at        timestamptz NOT NULL,
        delisted_at      timestamptz,
        delisting_reason text
      )`);
    await runner.query(`CREATE INDEX restricted_parties_name_id ON registry.restricted_parties (name, party_id)`);
    await runner.query(`
      CREATE TABLE registry.restricted_party_names (
        party_id   text    NOT NULL,
        name       text    NOT NULL,
        normalised text    NOT NULL,
        is_alias   boolean NOT NULL,
        PRIMARY KEY (party_id, name)
      )`);
    await runner.query(
      `CREATE INDEX restricted_party_names_trgm ON registry.restricted_party_names USING gin (normalised gin_trgm_ops)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA registry CASCADE`);
  }
}
