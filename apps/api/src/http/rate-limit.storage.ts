import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { Metrics, METRIC_PREFIX } from '@ree/platform/observability';
import { Redis } from 'ioredis';
import { Counter } from 'prom-client';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The longest the start waits for the connection, so that the first requests are counted; Redis down at start delays nothing more. */
const CONNECT_WAIT_MS = 5_000;

/**
 * The rate limiter's counters, in Redis so that every API process sharing it counts together
 * (docs/decisions.md, 33): one atomic script per request (`@nest-lab/throttler-storage-redis`) on
 * keys `<QUEUE_PREFIX>:rate-limit:…`, which expire with their window.
 *
 * It fails open: while Redis cannot count (down, or slower than `RATE_LIMIT_REDIS_TIMEOUT_MS`, 500 ms by default),
 * requests pass unlimited, counted in `ree_rate_limit_uncounted_total`, with a warning once per
 * outage. Its own connection queues nothing while Redis is down, so a request never waits on a
 * reconnection.
 */
@Injectable()
export class SharedRateLimitStorage implements ThrottlerStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly redis: Redis;
  private readonly counters: ThrottlerStorageRedisService;
  private readonly prefix: string;
  private readonly uncounted: Counter;
  private failing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig, metrics: Metrics) {
    this.redis = new Redis(config.redisUrl, {
      connectionName: 'ree-api-rate-limits',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: config.rateLimitRedisTimeoutMs,
      connectTimeout: 2_000,
      retryStrategy: (attempt: number) => Math.min(attempt * 200, 5_000),
    }).on('error', () => undefined);
    this.counters = new ThrottlerStorageRedisService(this.redis);
    this.prefix = `${config.jobs.queuePrefix}:rate-limit:`;
    this.uncounted = new Counter({
      name: `${METRIC_PREFIX}rate_limit_uncounted_total`,
      help: 'Requests let through without a rate limit because Redis could not count them (the limiter fails open).',
      registers: [metrics.registry],
    });
  }

  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise((resolve) => this.redis.once('ready', resolve)),
      new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    try {
      const record = await this.counters.increment(`${this.prefix}${key}`, ttl, limit, blockDuration, throttlerName);
      if (this.failing) this.logger.log('Rate limits are counted in Redis again');
      this.failing = false;
      return record;
    } catch (error) {
      this.uncounted.inc();
      if (!this.failing) {
        this.logger.warn(`Rate limits are not counted: Redis could not count a request (${(error as Error).message}); requests pass unlimited until it can`);
      }
      this.failing = true;
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /** Dropped, not QUIT: nothing is pending that matters (an increment in flight fails open), and QUIT kept the process alive for a while. */
  onApplicationShutdown(): void {
    this.redis.disconnect(false);
  }
}
