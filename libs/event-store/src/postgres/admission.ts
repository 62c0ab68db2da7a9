/** Why a request got no connection: the queue was full, or it waited its whole acquire timeout. */
export type OverloadReason = 'queue-full' | 'acquire-timeout';

/**
 * A pool had no connection for the request, and PostgreSQL was not found down: the process is
 * overloaded. Nothing was run. The API answers 503 `overloaded` with `Retry-After`.
 */
export class PoolOverloadedError extends Error {
  override readonly name = 'PoolOverloadedError';

  constructor(
    readonly pool: string,
    readonly reason: OverloadReason,
    detail: string,
  ) {
    super(`Pool ${pool} is overloaded: ${detail}`);
  }
}

export interface AdmissionLimits {
  /** Requests that hold a connection at once: the pool's size. */
  readonly permits: number;
  /** Requests that may wait for one; the next is refused at once. */
  readonly queueLimit: number;
  /** How long a request waits before it is refused. */
  readonly acquireTimeoutMs: number;
}

interface Waiter {
  readonly admit: (leave: () => void) => void;
  readonly refuse: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded FIFO queue in front of a pool: at most `permits` requests
 * hold a connection, at most `queueLimit` wait for one, each at most `acquireTimeoutMs`. pg's
 * Pool queues without bound and times a waiter out with the same `connectionTimeoutMillis` that
 * bounds a new connection's handshake; this keeps the two apart, so that a burst waits (briefly
 * and in order) while an unreachable server still fails fast.
 */
export class Admission {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private closedWith?: Error;

  constructor(
    private readonly name: string,
    private readonly limits: AdmissionLimits,
  ) {}

  get activeCount(): number {
    return this.active;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Resolves with the function that gives the permit back (calling it twice is harmless). */
  enter(): Promise<() => void> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (this.active < this.limits.permits && this.waiting.length === 0) return Promise.resolve(this.grant());
    if (this.waiting.length >= this.limits.queueLimit) {
      return Promise.reject(
        new PoolOverloadedError(this.name, 'queue-full', `${this.waiting.length} requests already wait for a connection (limit ${this.limits.queueLimit})`),
      );
    }
    return new Promise((admit, refuse) => {
      const waiter: Waiter = {
        admit,
        refuse,
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          refuse(new PoolOverloadedError(this.name, 'acquire-timeout', `no connection became free within ${this.limits.acquireTimeoutMs} ms`));
        }, this.limits.acquireTimeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Refuses every waiter and every later request with `error` (the pool is ending). */
  close(error: Error): void {
    this.closedWith = error;
    for (const waiter of this.waiting.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.refuse(error);
    }
  }

  private grant(): () => void {
    this.active++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.active--;
      this.admitNext();
    };
  }

  private admitNext(): void {
    while (this.active < this.limits.permits && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      clearTimeout(next.timer);
      next.admit(this.grant());
    }
  }
}
