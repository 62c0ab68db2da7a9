import type { EventStore } from '@ree/event-store';
import type { DataSource } from 'typeorm';

/** How far one projection's checkpoint trails the event store's head. */
export interface ProjectionLag {
  readonly name: string;
  readonly checkpoint: string | null;
  readonly updatedAt: string;
  readonly caughtUp: boolean;
  /** 0 when caught up; otherwise the time since the projection last moved its checkpoint. */
  readonly lagMs: number;
}

interface CheckpointRow {
  name: string;
  checkpoint: string | null;
  updated_at: Date;
}

/**
 * Reads every projection's checkpoint from `projections.checkpoints`. Before that table's
 * migration has run there are no projections to report.
 */
export async function projectionLag(dataSource: DataSource, store: EventStore, head: string | null, now = new Date()): Promise<ProjectionLag[]> {
  const [{ present }] = await dataSource.query(`SELECT to_regclass('projections.checkpoints') IS NOT NULL AS present`);
  if (!present) return [];
  const rows: CheckpointRow[] = await dataSource.query('SELECT name, checkpoint, updated_at FROM projections.checkpoints ORDER BY name');
  return rows.map((row) => {
    const caughtUp = head === null || (row.checkpoint !== null && store.comparePositions(row.checkpoint, head) >= 0);
    const updatedAt = new Date(row.updated_at);
    return {
      name: row.name,
      checkpoint: row.checkpoint,
      updatedAt: updatedAt.toISOString(),
      caughtUp,
      lagMs: caughtUp ? 0 : Math.max(0, now.getTime() - updatedAt.getTime()),
    };
  });
}
