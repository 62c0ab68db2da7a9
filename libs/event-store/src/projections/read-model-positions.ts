import type { DataSource } from 'typeorm';
import type { EventStore } from '../event-store';
import { loadCheckpoints, StoredCheckpoint } from './checkpoint-table';

export interface ReadModelPositionsOptions {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  /** The projections a read must wait for: every read model the API serves. */
  readonly projections: readonly string[];
  /** How often waiting reads look at the checkpoints. Default 15 ms. */
  readonly pollIntervalMs?: number;
}

interface Waiter {
  readonly position: string;
  readonly resolve: (reached: boolean) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Read your writes: whether the read models have caught up with a global position (the
 * `X-Min-Position` header: docs/http-conventions.md, "Reading your own writes: X-Min-Position").
 *
 * Waiting reads poll the checkpoint table, but share one poll: however many requests wait, an
 * instance runs at most one small primary-key query every `pollIntervalMs`. Polling was chosen
 * over LISTEN/NOTIFY because it needs no dedicated connection per API instance, cannot miss a
 * notification while that connection reconnects, and costs nothing when nobody waits; 15 ms
 * adds little to a wait that is bounded by the caller anyway.
 */
export class ReadModelPositions {
  private readonly waiters = new Set<Waiter>();
  private polling = false;

  constructor(private readonly options: ReadModelPositionsOptions) {}

  /** True when every projection's checkpoint is at or after `position`; a projection without a checkpoint is behind. */
  async reached(position: string): Promise<boolean> {
    return this.covers(await this.checkpoints(), position);
  }

  /**
   * Resolves true as soon as {@link reached} holds, false once `timeoutMs` has passed without it.
   * Never rejects: a read that cannot confirm freshness answers anyway, marked stale.
   */
  waitFor(position: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), Math.max(0, timeoutMs)),
      };
      this.waiters.add(waiter);
      if (!this.polling) void this.poll();
    });
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      while (this.waiters.size > 0) {
        const checkpoints = await this.checkpoints().catch(() => undefined);
        if (checkpoints) {
          for (const waiter of this.waiters) {
            if (this.coversSafely(checkpoints, waiter.position)) this.settle(waiter, true);
          }
        }
        if (this.waiters.size > 0) await new Promise((wake) => setTimeout(wake, this.options.pollIntervalMs ?? 15));
      }
    } finally {
      this.polling = false;
    }
  }

  private settle(waiter: Waiter, reached: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.resolve(reached);
  }

  private checkpoints(): Promise<Map<string, StoredCheckpoint>> {
    return loadCheckpoints(this.options.dataSource.manager, this.options.projections);
  }

  /** A position the store cannot compare is never reached: the waiter times out instead of failing the poll for all. */
  private coversSafely(checkpoints: Map<string, StoredCheckpoint>, position: string): boolean {
    try {
      return this.covers(checkpoints, position);
    } catch {
      return false;
    }
  }

  private covers(checkpoints: Map<string, StoredCheckpoint>, position: string): boolean {
    return this.options.projections.every((name) => {
      const checkpoint = checkpoints.get(name)?.checkpoint ?? null;
      return checkpoint !== null && this.options.store.comparePositions(checkpoint, position) >= 0;
    });
  }
}
