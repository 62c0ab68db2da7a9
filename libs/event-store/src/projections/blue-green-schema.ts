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

/*
 * The schema changes are made by the owner of the schemas, through the SECURITY DEFINER functions
 * of infra/migrations/1764300013000-blue-green-functions.ts: the application role that runs the
 * projector owns nothing and may create nothing (docs/decisions.md, 27). They act only on the
 * schemas listed in `blue_green.schemas`.
 */

/**
 * Creates `<live>__rebuild` as an empty twin of `live`, dropping a copy left by a rebuild that
 * died: every table `LIKE … INCLUDING ALL` (columns, defaults, identity, NOT NULL and CHECK
 * constraints, primary keys, unique and exclusion constraints, indexes, comments) with the live
 * table's privileges, the schema's privileges and default privileges, then each index renamed to
 * its original's name (LIKE makes up new ones), so that after the switch a later migration finds
 * every index and constraint under the name it created. Names are per schema, so both can hold
 * them at once. Refuses what LIKE does not copy faithfully: foreign keys, and serial columns
 * (their default would still draw on the live schema's sequence, dropped with it).
 */
export async function createCopy(tx: EntityManager, live: string): Promise<void> {
  await tx.query(`SELECT blue_green.create_copy($1)`, [live]);
}

/**
 * Puts the copy in `live`'s place and drops the old one, inside the caller's transaction (which also
 * moves the checkpoint). Readers that started before go on with the old tables until they finish;
 * the drop waits for them (up to the transaction's `lock_timeout`), and readers after the commit
 * find the new tables under the same names.
 */
export async function switchSchemas(tx: EntityManager, live: string): Promise<void> {
  await tx.query(`SELECT blue_green.switch_to_copy($1)`, [live]);
}

/** Drops the copy of `live`, if there is one. */
export async function dropCopy(tx: EntityManager, live: string): Promise<void> {
  await tx.query(`SELECT blue_green.drop_copy($1)`, [live]);
}
