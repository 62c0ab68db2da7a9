import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

/** The process's shared Redis connection (BullMQ producers, idempotency records, rate limits). */
export const REDIS = Symbol('Redis');

/** Longest pause between two reconnection attempts while Redis is down. */
const MAX_RECONNECT_DELAY_MS = 5_000;

/**
 * A connection that survives Redis outages: it reconnects forever with a capped back-off,
 * and an `'error'` event is logged (once per outage) instead of crashing the process.
 * `maxRetriesPerRequest: null` is what BullMQ requires of a connection it is given.
 */
export function createRedisConnection(url: string, connectionName: string, logger = new Logger('Redis')): Redis {
  const redis = new Redis(url, {
    connectionName,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  let reportedOutage = false;
  redis.on('error', (error: Error) => {
    if (reportedOutage) return;
    reportedOutage = true;
    logger.warn(`Redis is unreachable (${error.message}); reconnecting in the background`);
  });
  redis.on('ready', () => {
    if (reportedOutage) logger.log('Redis is reachable again');
    reportedOutage = false;
  });
  return redis;
}

/** Closes the connection, or drops it at once when Redis is not there to say goodbye to. */
export async function closeRedisConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect(false);
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect(false);
  }
}
