import { Redis } from 'ioredis';
import { withoutPassword } from '../lifecycle/service-check';

/** How to run Redis as BullMQ needs it: keep every key (no eviction) and keep them on disk (AOF). */
export const REDIS_FOR_JOBS = '`redis-server --appendonly yes --maxmemory-policy noeviction` (docker-compose.yml runs it so)';

/** What the worker's start found of Redis's settings: a refusal (one line), or warnings. */
export interface RedisSettingsReport {
  readonly refusal: string | null;
  readonly warnings: readonly string[];
}

/**
 * Redis as BullMQ needs it (docs/decisions.md 24). `maxmemory-policy` must be `noeviction`: any
 * other policy lets Redis drop queued jobs and their locks when memory runs short, silently, so
 * the worker refuses to start. Neither AOF (`appendonly yes`) nor RDB snapshots (`save`) means a
 * restart of Redis loses every queued job: the worker starts, since the sweep puts them back
 * from PostgreSQL, but warns. A Redis that refuses `CONFIG` (a managed service, a renamed command)
 * cannot be checked: a warning says so.
 */
export async function checkRedisSettings(url: string, timeoutMs = 3_000): Promise<RedisSettingsReport> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  const where = withoutPassword(url);
  try {
    await redis.connect();
    const [policy, appendonly, save] = await Promise.all(
      ['maxmemory-policy', 'appendonly', 'save'].map(async (name) => ((await redis.config('GET', name)) as string[])[1]),
    );
    return assessRedisSettings(where, { policy, appendonly, save });
  } catch (error) {
    return {
      refusal: null,
      warnings: [
        `Could not read the settings of Redis at ${where} (${(error as Error).message}): make sure maxmemory-policy is noeviction and AOF or snapshots are on, as with ${REDIS_FOR_JOBS}`,
      ],
    };
  } finally {
    redis.disconnect(false);
  }
}

/** The verdict on settings read: `undefined` where Redis did not answer that one. */
export function assessRedisSettings(
  where: string,
  settings: { readonly policy?: string; readonly appendonly?: string; readonly save?: string },
): RedisSettingsReport {
  const { policy, appendonly, save } = settings;
  const refusal =
    policy !== undefined && policy !== 'noeviction'
      ? `Redis at ${where} has maxmemory-policy ${policy}, which lets it evict queued jobs: set maxmemory-policy noeviction (\`CONFIG SET maxmemory-policy noeviction\` and in redis.conf), or run ${REDIS_FOR_JOBS}`
      : null;
  const onDisk = appendonly === 'yes' || (save !== undefined && save.trim() !== '');
  const warnings = onDisk
    ? []
    : [
        `Redis at ${where} keeps nothing on disk (appendonly ${appendonly ?? '?'}, save "${save ?? '?'}"): a restart loses the queued jobs until the next sweep puts them back from PostgreSQL; run ${REDIS_FOR_JOBS}`,
      ];
  return { refusal, warnings };
}
