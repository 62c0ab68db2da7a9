import type { EventStore } from '../event-store';
import { type Horizon, readHorizon } from '../horizon';
import type { ProjectorLogger } from './projector-options';

export interface HorizonWatchOptions {
  readonly store: EventStore;
  readonly logger: ProjectorLogger;
  /** Warn once the oldest held-back event is this old. */
  readonly warnAfterMs: number;
  /** How often to look. */
  readonly intervalMs: number;
}

/** Held-back events counted per look: enough to tell a stall, cheap while there is one. */
const COUNT_LIMIT = 1_000;

/**
 * Looks at the store's readable horizon every `intervalMs` and warns, once per episode, when a
 * committed event has been unreadable for `warnAfterMs`, naming the transaction that holds it
 * back; when the horizon moves on, says so. An episode ends when no held-back event is that old
 * any more. Stops looking for good on an adapter without a horizon.
 */
export class HorizonWatch {
  private timer?: NodeJS.Timeout;
  private looking: Promise<void> = Promise.resolve();
  private warnedAt?: number;
  private running = false;

  constructor(private readonly options: HorizonWatchOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.looking;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.looking = this.look().finally(() => this.schedule());
    }, this.options.intervalMs);
  }

  private async look(): Promise<void> {
    let report;
    try {
      report = await readHorizon(this.options.store, { countLimit: COUNT_LIMIT });
    } catch {
      return; // The store is unreachable: the projector's own retries report that.
    }
    if (!report.applicable) {
      this.running = false;
      return;
    }
    const stalled = report.lagEvents > 0 && report.lagMs >= this.options.warnAfterMs;
    if (stalled && this.warnedAt === undefined) {
      this.warnedAt = Date.now();
      this.options.logger.warn(describeStall(report));
    } else if (!stalled && this.warnedAt !== undefined) {
      this.warnedAt = undefined;
      this.options.logger.log(`Event store horizon: moving again (${report.lagEvents} events held back, the oldest for ${report.lagMs} ms)`);
    }
  }
}

/** One line an operator can act on: how long, how much, and whom to end. */
export function describeStall(horizon: Horizon): string {
  const count = `${horizon.lagEvents}${horizon.lagEventsCapped ? '+' : ''}`;
  const { holder } = horizon;
  const who = holder
    ? `the oldest open transaction is pid ${holder.pid} in database ${holder.database ?? '(unknown)'} ` +
      `(application "${holder.applicationName}", user ${holder.user ?? '(unknown)'}, ${holder.state ?? 'state unknown'}, ` +
      `open ${(holder.transactionAgeMs / 1_000).toFixed(1)} s)`
    : 'no open transaction is visible to this role (grant it pg_read_all_stats)';
  return (
    `Event store horizon held back: ${count} committed events cannot be read yet, the oldest for ` +
    `${(horizon.lagMs / 1_000).toFixed(1)} s; ${who}. Projections and reactors wait until it ends ` +
    `(pg_terminate_backend(pid) ends it; see docs/operations.md, "The readable horizon").`
  );
}
