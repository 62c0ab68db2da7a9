import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schema changes of a blue/green rebuild, done for the application role by the owner
 * (docs/decisions.md, 27). The application role owns nothing and may create nothing, yet a
 * blue/green rebuild creates a copy of a read model's schema, renames schemas and drops the old
 * one. These SECURITY DEFINER functions, owned by the role that runs the migrations, do exactly
 * that and nothing else, and only for the schemas listed in `blue_green.schemas` (filled from
 * infra/privileges.ts): `create_copy(live)` makes `<live>__rebuild` an empty twin of `live` with
 * the same privileges (libs/event-store/src/projections/blue-green-schema.ts tells what it
 * copies and what it refuses), `switch_to_copy(live)` puts the copy in `live`'s place and drops
 * the old schema, `drop_copy(live)` drops the copy. The application role may execute these three;
 * no one else is given anything here.
 */
export class BlueGreenFunctions1764300013000 implements MigrationInterface {
  name = 'BlueGreenFunctions1764300013000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SCHEMA blue_green`);
    await runner.query(`CREATE TABLE blue_green.schemas (schema_name text PRIMARY KEY)`);
    await runner.query(`COMMENT ON TABLE blue_green.schemas IS 'The read-model schemas the application role may have rebuilt blue/green'`);
    // The one blue/green read model so far; infra/privileges.ts adds those it lists on every migration.
    await runner.query(`INSERT INTO blue_green.schemas (schema_name) VALUES ('review')`);
    await runner.query(`
      CREATE FUNCTION blue_green.copy_of(live text) RETURNS text LANGUAGE plpgsql STABLE
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM blue_green.schemas WHERE schema_name = live) THEN
          RAISE EXCEPTION 'Schema % is not rebuilt blue/green (blue_green.schemas)', live USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF octet_length(live || '__retired') > 63 THEN
          RAISE EXCEPTION 'Schema % is too long a name for a blue/green rebuild', live;
        END IF;
        RETURN live || '__rebuild';
      END $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.indexes_of(target text) RETURNS TABLE (index_name text, shape text, k bigint)
      LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
        SELECT i.relname::text,
               concat_ws('|', t.relname, x.indisprimary, x.indisunique,
                         substr(pg_get_indexdef(i.oid), strpos(pg_get_indexdef(i.oid), ' USING '))),
               row_number() OVER (PARTITION BY t.relname, x.indisprimary, x.indisunique,
                                  substr(pg_get_indexdef(i.oid), strpos(pg_get_indexdef(i.oid), ' USING '))
                                  ORDER BY t.relname, i.relname)
          FROM pg_index x
          JOIN pg_class i ON i.oid = x.indexrelid
          JOIN pg_class t ON t.oid = x.indrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = target
      $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.grants_of(acl aclitem[], owner oid) RETURNS TABLE (privilege text, grantee text)
      LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
        SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END
          FROM aclexplode(coalesce(acl, '{}'::aclitem[])) a WHERE a.grantee <> owner
      $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.copy_grants(live text, copy text, relation text) RETURNS void LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        item record;
      BEGIN
        FOR item IN SELECT g.* FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, blue_green.grants_of(c.relacl, c.relowner) g
                     WHERE n.nspname = copy AND c.relname = relation LOOP
          EXECUTE format('REVOKE ALL ON %I.%I FROM %s', copy, relation, item.grantee);
        END LOOP;
        FOR item IN SELECT g.* FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, blue_green.grants_of(c.relacl, c.relowner) g
                     WHERE n.nspname = live AND c.relname = relation LOOP
          EXECUTE format('GRANT %s ON %I.%I TO %s', item.privilege, copy, relation, item.grantee);
        END LOOP;
      END $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.rename_indexes(live text, copy text) RETURNS void LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        sources text[];
        targets text[];
        missing text;
      BEGIN
        SELECT string_agg(o.index_name, ', ') INTO missing
          FROM blue_green.indexes_of(live) o LEFT JOIN blue_green.indexes_of(copy) c USING (shape, k) WHERE c.index_name IS NULL;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'Indexes of % without a twin in the copy %: %', live, copy, missing;
        END IF;
        SELECT array_agg(c.index_name ORDER BY o.index_name), array_agg(o.index_name ORDER BY o.index_name) INTO sources, targets
          FROM blue_green.indexes_of(live) o JOIN blue_green.indexes_of(copy) c USING (shape, k) WHERE c.index_name <> o.index_name;
        -- In two steps (temporary names first), so that no name is ever taken twice; renaming the
        -- index of a primary key, unique or exclusion constraint renames the constraint too.
        FOR i IN 1 .. coalesce(array_length(sources, 1), 0) LOOP
          EXECUTE format('ALTER INDEX %I.%I RENAME TO %I', copy, sources[i], 'blue_green_' || i);
        END LOOP;
        FOR i IN 1 .. coalesce(array_length(targets, 1), 0) LOOP
          EXECUTE format('ALTER INDEX %I.%I RENAME TO %I', copy, 'blue_green_' || i, targets[i]);
        END LOOP;
      END $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.refuse_what_like_misses(live text, copy text) RETURNS void LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        missing text;
      BEGIN
        SELECT string_agg(name, ', ' ORDER BY name) INTO missing FROM (
          SELECT t.relname || '.' || c.conname AS name FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = live
          EXCEPT
          SELECT t.relname || '.' || c.conname FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = copy) m;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'A blue/green copy of % cannot hold % (foreign keys are not copied)', live, missing;
        END IF;
        SELECT string_agg(c.relname || '.' || a.attname, ', ') INTO missing FROM pg_attrdef d
          JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
         WHERE n.nspname = copy AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%';
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'Serial columns cannot be copied for a blue/green rebuild of %: % (use identity columns)', live, missing;
        END IF;
      END $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.create_copy(live text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        copy text := blue_green.copy_of(live);
        item record;
      BEGIN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', copy);
        IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = live AND c.relkind = 'r') THEN
          RAISE EXCEPTION 'Schema % holds no table to rebuild into a copy', live;
        END IF;
        EXECUTE format('CREATE SCHEMA %I', copy);
        FOR item IN SELECT g.* FROM pg_namespace n, blue_green.grants_of(n.nspacl, n.nspowner) g WHERE n.nspname = live LOOP
          EXECUTE format('GRANT %s ON SCHEMA %I TO %s', item.privilege, copy, item.grantee);
        END LOOP;
        -- The live schema's default privileges, so that a later migration's tables are granted after the switch too.
        FOR item IN
          SELECT d.defaclobjtype AS kind, g.* FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace,
                 blue_green.grants_of(d.defaclacl, d.defaclrole) g
           WHERE n.nspname = live AND d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
             AND d.defaclobjtype IN ('r', 'S', 'f', 'T')
        LOOP
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT %s ON %s TO %s', copy, item.privilege,
            CASE item.kind WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' ELSE 'TYPES' END, item.grantee);
        END LOOP;
        FOR item IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = live AND c.relkind = 'r' ORDER BY c.relname LOOP
          EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING ALL)', copy, item.relname, live, item.relname);
          PERFORM blue_green.copy_grants(live, copy, item.relname);
        END LOOP;
        PERFORM blue_green.rename_indexes(live, copy);
        PERFORM blue_green.refuse_what_like_misses(live, copy);
      END $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.switch_to_copy(live text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        copy text := blue_green.copy_of(live);
        retired text := live || '__retired';
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = copy) THEN
          RAISE EXCEPTION 'Schema % has no copy % to switch to', live, copy;
        END IF;
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', retired);
        EXECUTE format('ALTER SCHEMA %I RENAME TO %I', live, retired);
        EXECUTE format('ALTER SCHEMA %I RENAME TO %I', copy, live);
        EXECUTE format('DROP SCHEMA %I CASCADE', retired);
      END $$`);
    await runner.query(`
      CREATE FUNCTION blue_green.drop_copy(live text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', blue_green.copy_of(live));
      END $$`);
    await runner.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA blue_green FROM PUBLIC`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SCHEMA blue_green CASCADE`);
  }
}
