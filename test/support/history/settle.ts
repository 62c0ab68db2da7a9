import { eventually } from '@ree/testing';
import type { Pool } from 'pg';
import { StoredEvent } from './history';

/** Resolves with `work`, or fails naming `what` once `ceilingMs` has passed. */
export async function within<T>(work: Promise<T>, ceilingMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ceilingMs} ms`)), ceilingMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Resolves once the projection's stored checkpoint is at `head` or past it (polled, with a ceiling). */
export async function projectionAt(db: Pool, name: string, head: string, ceilingMs: number): Promise<void> {
  const reached = async (): Promise<boolean> => {
    const { rows } = await db.query<{ reached: boolean }>(`SELECT checkpoint::bigint >= $2::bigint AS reached FROM projections.checkpoints WHERE name = $1`, [
      name,
      head,
    ]);
    return rows[0]?.reached === true;
  };
  await eventually(reached, { timeoutMs: ceilingMs, intervalMs: 25, what: `projection ${name} at position ${head}` });
}

/** The last committed position, read once nobody writes any more (no horizon guard needed then). */
export async function lastPosition(db: Pool): Promise<string | null> {
  const { rows } = await db.query<{ head: string | null }>(`SELECT max(position)::text AS head FROM event_store.events`);
  return rows[0].head;
}

/** Every stored event, in pages by position, with the operation and index its data carries. */
export async function readStored(db: Pool): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  for (let after = '-1'; ; ) {
    const { rows } = await db.query<{ event_id: string; stream_id: string; revision: number; position: string; op: string | null; n: number | null }>(
      `SELECT event_id::text, stream_id, revision, position::text, data->>'op' AS op, (data->>'n')::int AS n
         FROM event_store.events WHERE position > $1::bigint ORDER BY position LIMIT 50000`,
      [after],
    );
    for (const row of rows) {
      stored.push({ eventId: row.event_id, streamId: row.stream_id, revision: row.revision, position: row.position, op: row.op ?? undefined, n: row.n ?? undefined });
    }
    if (rows.length < 50_000) return stored;
    after = rows[rows.length - 1].position;
  }
}
