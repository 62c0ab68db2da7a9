import type { Checkpoint } from '../event-store';
import type { Horizon, HorizonHolder } from '../horizon';
import type { Queryable } from './append-statement';

/**
 * The newest events, each marked held back when its position is not below the readable bound
 * (the readers' guard, see `BELOW_OLDEST_RUNNING`). Held-back events are the newest
 * positions, since positions grow with the transaction id, so one backward index scan of at
 * most `$1` rows counts them and finds the readable head behind them.
 */
const HELD_BACK = `
  WITH newest AS (
    SELECT position, recorded_at, position >= event_store.readable_below() AS held
    FROM event_store.events ORDER BY position DESC LIMIT $1
  )
  SELECT max(position)::text AS committed_head,
         max(position) FILTER (WHERE NOT held)::text AS readable_head,
         count(*) FILTER (WHERE held)::int AS held_back,
         min(recorded_at) FILTER (WHERE held) AS oldest_held_at
  FROM newest`;

/** When every row of the window is held back, the readable head lies further down. */
const READABLE_HEAD = `
  SELECT position::text AS head FROM event_store.events
  WHERE position < event_store.readable_below() ORDER BY position DESC LIMIT 1`;

/**
 * The oldest transaction of the cluster that holds a transaction id: the one the snapshot's xmin
 * stops at. Ours is left out: this statement holds none. A prepared (two-phase) transaction can
 * hold the horizon too; it has no session and shows in `pg_prepared_xacts` instead.
 */
const OLDEST_HOLDER = `
  SELECT pid, datname, application_name, usename, state,
         (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::bigint::text AS age_ms
  FROM pg_stat_activity
  WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
  ORDER BY age(backend_xid) DESC LIMIT 1`;

interface WindowRow {
  committed_head: string | null;
  readable_head: string | null;
  held_back: number;
  oldest_held_at: Date | null;
}

interface HolderRow {
  pid: number;
  datname: string | null;
  application_name: string | null;
  usename: string | null;
  state: string | null;
  age_ms: string | null;
}

export async function queryHorizon(db: Queryable, countLimit: number, now: Date): Promise<Horizon> {
  const window = (await db.query<WindowRow>(HELD_BACK, [countLimit])).rows[0];
  const capped = window.held_back >= countLimit;
  const readableHead: Checkpoint | null = capped ? ((await db.query<{ head: string }>(READABLE_HEAD)).rows[0]?.head ?? null) : window.readable_head;
  const holder = window.held_back > 0 ? await oldestHolder(db) : null;
  return {
    applicable: true,
    committedHead: window.committed_head,
    readableHead,
    lagEvents: window.held_back,
    lagEventsCapped: capped,
    lagMs: window.oldest_held_at ? Math.max(0, now.getTime() - new Date(window.oldest_held_at).getTime()) : 0,
    holder,
  };
}

async function oldestHolder(db: Queryable): Promise<HorizonHolder | null> {
  const row = (await db.query<HolderRow>(OLDEST_HOLDER)).rows[0];
  if (!row) return null;
  return {
    pid: row.pid,
    database: row.datname,
    applicationName: row.application_name ?? '',
    user: row.usename,
    state: row.state,
    transactionAgeMs: row.age_ms === null ? 0 : Number(row.age_ms),
  };
}
