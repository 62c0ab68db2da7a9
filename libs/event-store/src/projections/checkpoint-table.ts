import type { EntityManager } from 'typeorm';
import type { Checkpoint } from '../event-store';

/** A projection's row in `projections.checkpoints`. */
export interface StoredCheckpoint {
  readonly name: string;
  /** `null` before the projection's first batch. */
  readonly checkpoint: Checkpoint | null;
  /** Events passed since the last reset, matching or not: the progress of a rebuild. */
  readonly eventsProcessed: number;
  readonly updatedAt: Date;
}

interface CheckpointRow {
  name: string;
  checkpoint: string | null;
  events_processed: string;
  updated_at: Date;
}

function toStored(row: CheckpointRow): StoredCheckpoint {
  return {
    name: row.name,
    checkpoint: row.checkpoint,
    eventsProcessed: Number(row.events_processed),
    updatedAt: row.updated_at,
  };
}

/** The stored checkpoints of the named projections; a projection without a row is absent from the map. */
export async function loadCheckpoints(
  manager: EntityManager,
  names: readonly string[],
): Promise<Map<string, StoredCheckpoint>> {
  const rows: CheckpointRow[] = await manager.query(
    `SELECT name, checkpoint, events_processed, updated_at FROM projections.checkpoints WHERE name = ANY($1)`,
    [names],
  );
  return new Map(rows.map((row) => [row.name, toStored(row)]));
}

/**
 * Locks the projection's checkpoint row until `tx` ends, creating it when missing, and answers
 * the checkpoint it holds. Every writer of the row (a batch, a rebuild) starts with this, so they
 * serialise, and a batch can see that someone else moved the checkpoint under it.
 */
export async function lockCheckpoint(tx: EntityManager, name: string): Promise<Checkpoint | null> {
  // A rebuild can delete the row between the two statements; then the insert runs again.
  for (;;) {
    await tx.query(
      `INSERT INTO projections.checkpoints (name, checkpoint) VALUES ($1, NULL) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
    const rows: Array<{ checkpoint: string | null }> = await tx.query(
      `SELECT checkpoint FROM projections.checkpoints WHERE name = $1 FOR UPDATE`,
      [name],
    );
    if (rows.length > 0) return rows[0].checkpoint;
  }
}

export async function advanceCheckpoint(
  tx: EntityManager,
  name: string,
  checkpoint: Checkpoint,
  events: number,
): Promise<void> {
  await tx.query(
    `UPDATE projections.checkpoints
        SET checkpoint = $2, events_processed = events_processed + $3, updated_at = now()
      WHERE name = $1`,
    [name, checkpoint, events],
  );
}

export async function deleteCheckpoint(tx: EntityManager, name: string): Promise<void> {
  await tx.query(`DELETE FROM projections.checkpoints WHERE name = $1`, [name]);
}

/**
 * Back to the start, keeping the row (and so the projection in every status list) through an
 * in-place rebuild; the runner that holds the projection finds `NULL` where it expected its own
 * checkpoint and replays from the start.
 */
export async function resetCheckpoint(tx: EntityManager, name: string): Promise<void> {
  await tx.query(`UPDATE projections.checkpoints SET checkpoint = NULL, events_processed = 0, updated_at = now() WHERE name = $1`, [name]);
}
