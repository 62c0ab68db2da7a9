import type { Checkpoint, EventStore } from './event-store';

/**
 * The open transaction that keeps the readable horizon where it is: the oldest one in the
 * cluster that holds a transaction id, in any database (`pg_stat_activity`).
 */
export interface HorizonHolder {
  readonly pid: number;
  /** The database its session is connected to: not necessarily the event store's. */
  readonly database: string | null;
  readonly applicationName: string;
  readonly user: string | null;
  /** `active`, `idle in transaction`, …; `null` when the store's role may not see it (grant `pg_read_all_stats`). */
  readonly state: string | null;
  /** How long its transaction has been open. */
  readonly transactionAgeMs: number;
}

/** How far readers of the global order trail what is committed, and who holds them back. */
export interface Horizon {
  readonly applicable: true;
  /** The newest committed event's position; `null` for an empty store. */
  readonly committedHead: Checkpoint | null;
  /** The newest position `readAll` can deliver now. */
  readonly readableHead: Checkpoint | null;
  /** Committed events that readers cannot see yet, counted up to the limit asked for. */
  readonly lagEvents: number;
  /** True when `lagEvents` stopped at the limit. */
  readonly lagEventsCapped: boolean;
  /** Age of the oldest committed event readers cannot see yet; 0 when none waits. */
  readonly lagMs: number;
  /** Who holds the horizon back; `null` when nothing waits (or the holder ended meanwhile). */
  readonly holder: HorizonHolder | null;
}

/** The adapter has no readable horizon (every committed event is readable at once, as on EventStoreDB). */
export interface NoHorizon {
  readonly applicable: false;
}

export type HorizonReport = Horizon | NoHorizon;

export interface HorizonOptions {
  /** Count at most this many held-back events. Default 10,000. */
  readonly countLimit?: number;
}

/** An optional capability of an {@link EventStore} adapter; see {@link readHorizon}. */
export interface HorizonSource {
  horizon(options?: HorizonOptions): Promise<HorizonReport>;
}

export const NO_HORIZON: NoHorizon = { applicable: false };

/** The store's horizon, or "not applicable" for an adapter without one. */
export function readHorizon(store: EventStore, options?: HorizonOptions): Promise<HorizonReport> {
  const source = store as Partial<HorizonSource>;
  return typeof source.horizon === 'function' ? source.horizon(options) : Promise.resolve(NO_HORIZON);
}
