import { ClientBase } from 'pg';
import { isRestoreRequired } from './pg-errors';

/** What the restore step found and did. Positions and bases are decimal strings (bigint). */
export interface PositionEpochStep {
  /** The highest stored position, null for an empty store. */
  readonly head: string | null;
  readonly previousBase: string;
  readonly base: string;
  /** False on the cluster already in force: nothing was written. */
  readonly recorded: boolean;
}

/**
 * The step to run after a logical restore (docs/decisions.md, 20): records this cluster in
 * `event_store.position_epochs` with the lowest base at which every transaction that can still
 * write gets positions above the stored head, never lower than the base in force.
 *
 * Under an EXCLUSIVE lock on the events table (appends in flight finish first, new ones wait;
 * readers go on) it reads the head H and the oldest transaction id x that may still be running.
 * Every transaction that can append from now on has an id of at least x, so with
 * base >= (H >> 20) + 1 - x its positions `(base + id) << 20` are above H; and the readers'
 * horizon `(base + x') << 20`, x' >= x, is then above every stored row, restored ones included.
 * On the cluster in force (run twice, or after a physical restore) it records nothing.
 */
export async function continuePositions(client: ClientBase): Promise<PositionEpochStep> {
  await client.query('BEGIN');
  try {
    await client.query('LOCK TABLE event_store.events, event_store.position_epochs IN EXCLUSIVE MODE');
    const { rows } = await client.query<{ base: string; here: boolean; head: string | null; oldest: string; cluster: string }>(`
      SELECT e.base::text AS base, e.system_identifier = c.system_identifier AS here,
             (SELECT max(position) FROM event_store.events)::text AS head,
             pg_snapshot_xmin(pg_current_snapshot())::text AS oldest, c.system_identifier::text AS cluster
      FROM event_store.position_epochs e, pg_control_system() c ORDER BY e.id DESC LIMIT 1`);
    const found = rows[0];
    if (!found) throw new Error('event_store.position_epochs is empty: run npm run migrate first');
    const previousBase = BigInt(found.base);
    // On the cluster in force every position already came from its own counter: nothing to move.
    const needed = found.here || found.head === null ? 0n : (BigInt(found.head) >> 20n) + 1n - BigInt(found.oldest);
    const base = needed > previousBase ? needed : previousBase;
    const recorded = !found.here;
    if (recorded) {
      await client.query(`INSERT INTO event_store.position_epochs (base, system_identifier, head) VALUES ($1, $2, $3)`, [
        base.toString(),
        found.cluster,
        found.head,
      ]);
    }
    await client.query('COMMIT');
    return { head: found.head, previousBase: previousBase.toString(), base: base.toString(), recorded };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Null when the store may append and read on this cluster, otherwise the database's one-line
 * reason, which names the restore step. For a start check: a database whose migrations have not
 * run yet is left to the migration step.
 */
export async function restoreStepMissing(db: Pick<ClientBase, 'query'>): Promise<string | null> {
  try {
    await db.query('SELECT event_store.position_base()');
    return null;
  } catch (error) {
    if (isRestoreRequired(error)) return error.message;
    const code = (error as { code?: unknown }).code;
    if (code === '42883' || code === '3F000') return null; // no such function or schema: not migrated yet
    throw error;
  }
}
