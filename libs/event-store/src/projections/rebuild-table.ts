import type { EntityManager } from 'typeorm';
import type { Checkpoint } from '../event-store';

/** How a rebuild refills a read model: a copy of its schema switched in at the end, or its own tables emptied first. */
export type RebuildMode = 'blue-green' | 'in-place';

/**
 * - `replaying`: events are being applied from the start (into the copy, for blue/green);
 * - `switching`: blue/green only: the copy has caught up and is being put in the live schema's place;
 * - `done`, `failed`: the rebuild has ended. A rebuild whose process died keeps the phase it had.
 */
export type RebuildPhase = 'replaying' | 'switching' | 'done' | 'failed';

/** A projection's last rebuild, as `projections.rebuilds` holds it (readable from any instance). */
export interface StoredRebuild {
  readonly rebuildId: string;
  readonly mode: RebuildMode;
  readonly phase: RebuildPhase;
  /** The head of the store when the rebuild began. */
  readonly target: Checkpoint | null;
  readonly checkpoint: Checkpoint | null;
  readonly eventsProcessed: number;
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
  readonly error: string | null;
}

interface RebuildRow {
  name: string;
  rebuild_id: string;
  mode: RebuildMode;
  phase: RebuildPhase;
  target: string | null;
  checkpoint: string | null;
  events_processed: string;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  error: string | null;
}

export async function loadRebuilds(manager: EntityManager, names: readonly string[]): Promise<Map<string, StoredRebuild>> {
  const rows: RebuildRow[] = await manager.query(`SELECT * FROM projections.rebuilds WHERE name = ANY($1)`, [names]);
  return new Map(
    rows.map((row) => [
      row.name,
      {
        rebuildId: row.rebuild_id,
        mode: row.mode,
        phase: row.phase,
        target: row.target,
        checkpoint: row.checkpoint,
        eventsProcessed: Number(row.events_processed),
        startedAt: row.started_at,
        updatedAt: row.updated_at,
        finishedAt: row.finished_at,
        error: row.error,
      },
    ]),
  );
}

/** Replaces the projection's last rebuild with a new one; an older rebuild still running elsewhere then sees another id. */
export async function startRebuild(
  manager: EntityManager,
  rebuild: { name: string; rebuildId: string; mode: RebuildMode; target: Checkpoint | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO projections.rebuilds (name, rebuild_id, mode, phase, target)
     VALUES ($1, $2, $3, 'replaying', $4)
     ON CONFLICT (name) DO UPDATE SET rebuild_id = $2, mode = $3, phase = 'replaying', target = $4, checkpoint = NULL,
       events_processed = 0, started_at = now(), updated_at = now(), finished_at = NULL, error = NULL`,
    [rebuild.name, rebuild.rebuildId, rebuild.mode, rebuild.target],
  );
}

/** Records how far the rebuild has come; a no-op once another rebuild has replaced it. */
export async function recordRebuild(
  manager: EntityManager,
  rebuildId: string,
  progress: { phase: RebuildPhase; checkpoint: Checkpoint | null; eventsProcessed: number; error?: string },
): Promise<void> {
  const ended = progress.phase === 'done' || progress.phase === 'failed';
  await manager.query(
    `UPDATE projections.rebuilds
        SET phase = $2, checkpoint = $3, events_processed = $4, error = $5, updated_at = now(),
            finished_at = CASE WHEN $6 THEN now() END
      WHERE rebuild_id = $1`,
    [rebuildId, progress.phase, progress.checkpoint, progress.eventsProcessed, progress.error ?? null, ended],
  );
}

/** Locks the projection's rebuild row until `tx` ends and answers whose rebuild it is now (`undefined` without a row). */
export async function lockRebuild(tx: EntityManager, name: string): Promise<string | undefined> {
  const rows: Array<{ rebuild_id: string }> = await tx.query(
    `SELECT rebuild_id FROM projections.rebuilds WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return rows[0]?.rebuild_id;
}
