import type { EntityManager } from 'typeorm';

/** The schema a blue/green rebuild fills: the live schema's name with this suffix. */
export const COPY_SUFFIX = '__rebuild';
/** What the live schema is renamed to inside the switch, just before it is dropped. */
const RETIRED_SUFFIX = '__retired';
/** PostgreSQL's longest identifier, in bytes. */
const MAX_IDENTIFIER_BYTES = 63;

export function copySchemaOf(schema: string): string {
  const copy = `${schema}${COPY_SUFFIX}`;
  if (Buffer.byteLength(`${schema}${RETIRED_SUFFIX}`) > MAX_IDENTIFIER_BYTES || Buffer.byteLength(copy) > MAX_IDENTIFIER_BYTES) {
    throw new Error(`Schema ${schema} is too long a name for a blue/green rebuild (at most ${MAX_IDENTIFIER_BYTES - RETIRED_SUFFIX.length} bytes)`);
  }
  return copy;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface IndexRow {
  table: string;
  index: string;
  definition: string;
  primary: boolean;
}

/**
 * Creates `copy` as an empty twin of `live`, dropping a copy left by a rebuild that died: every
 * table `LIKE … INCLUDING ALL` (columns, defaults, identity, NOT NULL and CHECK constraints,
 * primary keys, unique and exclusion constraints, indexes, comments), then each index renamed to
 * its original's name (LIKE makes up new ones), so that after the switch a later migration finds
 * every index and constraint under the name it created. Names are per schema, so both can hold
 * them at once. Refuses what LIKE does not copy faithfully: foreign keys, and serial columns
 * (their default would still draw on the live schema's sequence, dropped with it).
 */
export async function createCopy(tx: EntityManager, live: string, copy: string): Promise<void> {
  await dropSchema(tx, copy);
  const tables: Array<{ name: string }> = await tx.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
    [live],
  );
  if (tables.length === 0) throw new Error(`Schema ${live} holds no table to rebuild into a copy`);
  await tx.query(`CREATE SCHEMA ${quoteIdent(copy)}`);
  for (const { name } of tables) {
    await tx.query(`CREATE TABLE ${quoteIdent(copy)}.${quoteIdent(name)} (LIKE ${quoteIdent(live)}.${quoteIdent(name)} INCLUDING ALL)`);
  }
  await renameIndexesAfter(tx, live, copy);
  await refuseWhatLikeMisses(tx, live, copy);
}

/**
 * Puts `copy` in `live`'s place and drops the old one, inside the caller's transaction (which also
 * moves the checkpoint). Readers that started before go on with the old tables until they finish;
 * the drop waits for them (up to the transaction's `lock_timeout`), and readers after the commit
 * find the new tables under the same names.
 */
export async function switchSchemas(tx: EntityManager, live: string, copy: string): Promise<void> {
  const retired = `${live}${RETIRED_SUFFIX}`;
  await dropSchema(tx, retired);
  await tx.query(`ALTER SCHEMA ${quoteIdent(live)} RENAME TO ${quoteIdent(retired)}`);
  await tx.query(`ALTER SCHEMA ${quoteIdent(copy)} RENAME TO ${quoteIdent(live)}`);
  await dropSchema(tx, retired);
}

export async function dropSchema(tx: EntityManager, schema: string): Promise<void> {
  await tx.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
}

async function indexesOf(tx: EntityManager, schema: string): Promise<IndexRow[]> {
  return tx.query(
    `SELECT t.relname AS "table", i.relname AS "index", pg_get_indexdef(i.oid) AS definition, x.indisprimary AS "primary"
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1
      ORDER BY t.relname, i.relname`,
    [schema],
  );
}

/** What makes an index the twin of another, whatever its name and schema: its table, uniqueness, method, keys and predicate. */
function shapeOf(row: IndexRow): string {
  const using = row.definition.indexOf(' USING ');
  return [row.table, row.primary, row.definition.startsWith('CREATE UNIQUE'), row.definition.slice(using)].join('|');
}

/** Renames in two steps (to temporary names, then to the originals), so that no name is ever taken twice. */
async function renameIndexesAfter(tx: EntityManager, live: string, copy: string): Promise<void> {
  const originals = await indexesOf(tx, live);
  const copies = await indexesOf(tx, copy);
  const renames: Array<{ from: string; to: string }> = [];
  for (const original of originals) {
    const twin = copies.findIndex((candidate) => shapeOf(candidate) === shapeOf(original));
    if (twin < 0) throw new Error(`Index ${live}.${original.index} has no twin in the copy ${copy}`);
    renames.push({ from: copies[twin].index, to: original.index });
    copies.splice(twin, 1);
  }
  const moved = renames.filter(({ from, to }) => from !== to);
  for (const [position, { from }] of moved.entries()) {
    await tx.query(`ALTER INDEX ${quoteIdent(copy)}.${quoteIdent(from)} RENAME TO ${quoteIdent(`blue_green_${position}`)}`);
  }
  for (const [position, { to }] of moved.entries()) {
    // Renaming the index of a primary key, unique or exclusion constraint renames the constraint too.
    await tx.query(`ALTER INDEX ${quoteIdent(copy)}.${quoteIdent(`blue_green_${position}`)} RENAME TO ${quoteIdent(to)}`);
  }
}

async function refuseWhatLikeMisses(tx: EntityManager, live: string, copy: string): Promise<void> {
  const constraints = async (schema: string): Promise<string[]> =>
    (
      await tx.query(
        `SELECT t.relname || '.' || c.conname AS name FROM pg_constraint c
           JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = $1 ORDER BY 1`,
        [schema],
      )
    ).map((row: { name: string }) => row.name);
  const [inLive, inCopy] = [await constraints(live), await constraints(copy)];
  const missing = inLive.filter((name) => !inCopy.includes(name));
  if (missing.length > 0) throw new Error(`A blue/green copy of ${live} cannot hold ${missing.join(', ')} (foreign keys are not copied)`);
  const serials: Array<{ name: string }> = await tx.query(
    `SELECT c.relname || '.' || a.attname AS name FROM pg_attrdef d
       JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE n.nspname = $1 AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'`,
    [copy],
  );
  if (serials.length > 0) {
    throw new Error(`Serial columns cannot be copied for a blue/green rebuild of ${live}: ${serials.map((row) => row.name).join(', ')} (use identity columns)`);
  }
}
