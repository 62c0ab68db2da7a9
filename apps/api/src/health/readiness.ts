import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { REDIS } from '@ree/platform/redis';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { projectionLag, ProjectionLag } from './projection-lag';

/** A probe that has not answered after this long counts as failed: readiness never hangs. */
export const CHECK_TIMEOUT_MS = 1_000;

export interface CheckResult {
  readonly status: 'up' | 'down';
  readonly latencyMs: number;
  readonly error?: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly checks: {
    readonly database: CheckResult;
    readonly eventStore: CheckResult & { readonly headPosition?: string | null };
    readonly redis: CheckResult;
  };
  /** Informative only: a projection that lags does not make the API unready. */
  readonly projections: readonly ProjectionLag[];
}

@Injectable()
export class ReadinessProbe {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<Readiness> {
    const [database, eventStore, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.store.headPosition()),
      timed(() => this.pingRedis()),
    ]);
    const headPosition = eventStore.status === 'up' ? (eventStore.value as string | null) : undefined;
    const projections =
      database.status === 'up' && headPosition !== undefined
        ? await withTimeout(projectionLag(this.dataSource, this.store, headPosition), CHECK_TIMEOUT_MS).catch(() => [])
        : [];
    return {
      ready: [database, eventStore, redis].every((result) => result.status === 'up'),
      checks: {
        database: result(database),
        eventStore: { ...result(eventStore), ...(headPosition !== undefined ? { headPosition } : {}) },
        redis: result(redis),
      },
      projections,
    };
  }

  /** While Redis is away the shared connection would queue the PING until it returns. */
  private async pingRedis(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`connection is ${this.redis.status}`);
    await this.redis.ping();
  }
}

type Timed = CheckResult & { readonly value?: unknown };

async function timed(probe: () => Promise<unknown>): Promise<Timed> {
  const started = performance.now();
  try {
    const value = await withTimeout(probe(), CHECK_TIMEOUT_MS);
    return { status: 'up', latencyMs: elapsed(started), value };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: (error as Error).message };
  }
}

function result({ status, latencyMs, error }: Timed): CheckResult {
  return error === undefined ? { status, latencyMs } : { status, latencyMs, error };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
