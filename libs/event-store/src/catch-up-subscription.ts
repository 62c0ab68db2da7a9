import { Checkpoint, ReadAllResult, SubscribeOptions, Subscription } from './event-store';

/** What a {@link CatchUpSubscription} needs from its adapter. */
export interface CatchUpSource {
  readAll(after: Checkpoint | null, maxCount: number): Promise<ReadAllResult>;
  /** The highest position committed right now, even if not yet deliverable; `null` when empty. */
  committedHead(): Promise<string | null>;
  comparePositions(a: string, b: string): number;
  /** Registers a wake-up call for new appends; returns the unregister function. */
  onAppended(wake: () => void): () => void;
  readonly pollIntervalMs: number;
}

interface Waiter {
  readonly target: string;
  resolve(): void;
  reject(error: Error): void;
}

const FIRST_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/**
 * Reads the global order in batches from a checkpoint and hands each batch to the handler,
 * waiting for it before reading on (`catchUpBatchSize` events per read until it has caught up,
 * `batchSize` then); when nothing is left it sleeps until an append wakes it or
 * the poll interval passes (the fallback for a lost notification). The checkpoint advances only
 * after the handler succeeded, so a failed batch is delivered again after a back-off.
 */
export class CatchUpSubscription implements Subscription {
  private checkpoint: Checkpoint | null;
  /** Reading with `catchUpBatchSize` until the first read that brings fewer. */
  private catchingUp: boolean;
  private running = true;
  private wakeSleeper: (() => void) | null = null;
  private pendingWake = false;
  private readonly waiters: Waiter[] = [];
  private readonly unregister: () => void;
  private readonly loop: Promise<void>;

  constructor(
    private readonly source: CatchUpSource,
    private readonly options: SubscribeOptions,
  ) {
    this.checkpoint = options.after ?? null;
    this.catchingUp = options.catchUpBatchSize !== undefined;
    this.unregister = source.onAppended(() => this.wake());
    this.loop = this.run();
  }

  async caughtUp(): Promise<void> {
    const target = await this.source.committedHead();
    if (target === null || this.isDelivered(target)) return;
    if (!this.running) throw new Error('The subscription is stopped');
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ target, resolve, reject });
      this.wake();
    });
  }

  async stop(): Promise<void> {
    if (!this.running) return this.loop;
    this.running = false;
    this.unregister();
    this.wake();
    await this.loop;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('The subscription stopped before catching up'));
  }

  private async run(): Promise<void> {
    let backoff = FIRST_BACKOFF_MS;
    while (this.running) {
      try {
        const batchSize = this.batchSize();
        const page = await this.source.readAll(this.checkpoint, batchSize);
        if (!this.running) break;
        if (page.events.length < batchSize) this.catchingUp = false;
        if (page.events.length > 0) {
          await this.options.handler(page.events, page.checkpoint!);
          this.checkpoint = page.checkpoint;
        }
        backoff = FIRST_BACKOFF_MS;
        this.releaseWaiters();
        if (page.events.length === 0) await this.sleep(this.source.pollIntervalMs);
      } catch (error) {
        this.options.onError?.(error);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private batchSize(): number {
    const { batchSize = 500, catchUpBatchSize } = this.options;
    return this.catchingUp && catchUpBatchSize !== undefined ? catchUpBatchSize : batchSize;
  }

  private isDelivered(position: string): boolean {
    return this.checkpoint !== null && this.source.comparePositions(position, this.checkpoint) <= 0;
  }

  private releaseWaiters(): void {
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      if (this.isDelivered(this.waiters[index].target)) this.waiters.splice(index, 1)[0].resolve();
    }
  }

  private wake(): void {
    if (this.wakeSleeper) this.wakeSleeper();
    else this.pendingWake = true;
  }

  /** Sleeps for `ms` or until woken; a wake that came while busy ends the next sleep at once. */
  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || !this.running) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleeper = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}

/** An adapter's open subscriptions: each removes itself when stopped, and the adapter's close() stops the rest. */
export class CatchUpSubscriptions {
  private readonly open = new Set<CatchUpSubscription>();

  start(source: CatchUpSource, options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription(source, options);
    this.open.add(subscription);
    return {
      caughtUp: () => subscription.caughtUp(),
      stop: async () => {
        this.open.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    const stopping = [...this.open];
    this.open.clear();
    await Promise.all(stopping.map((subscription) => subscription.stop()));
  }
}
