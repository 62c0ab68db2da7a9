import { Redis } from 'ioredis';
import { Client } from 'pg';

/** How to start the services; quoted in the message when one is down. Redis keeps its jobs on disk and never evicts them (docs/decisions.md 24). */
const HOW_TO_START = {
  postgres:
    'start it with `docker compose up -d postgres redis`, or on this machine `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`',
  redis:
    'start it with `docker compose up -d postgres redis`, or on this machine `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --appendonly yes --maxmemory-policy noeviction`',
} as const;

/** `url` without its password, for messages and logs. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** `null` when PostgreSQL answers `SELECT 1` on `url`, otherwise one line saying what to do. */
export async function checkPostgres(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: 'ree-service-check',
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === '3D000') {
      return `PostgreSQL at ${withoutPassword(url)} has no such database: create it and its tables with \`npm run migrate\``;
    }
    return `PostgreSQL is not reachable at ${withoutPassword(url)} (${message || code}): ${HOW_TO_START.postgres}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `null` when Redis answers PING on `url`, otherwise one line saying what to do. */
export async function checkRedis(url: string, timeoutMs = 3_000): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED…) says more than the "Connection is closed." that follows it.
  let socketError: Error | undefined;
  redis.on('error', (error: Error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis is not reachable at ${withoutPassword(url)} (${(socketError ?? (error as Error)).message}): ${HOW_TO_START.redis}`;
  } finally {
    redis.disconnect(false);
  }
}

/** One line per service that does not answer; empty when both do. */
export async function unreachableServices(config: { databaseUrl: string; redisUrl: string }): Promise<string[]> {
  const results = await Promise.all([checkPostgres(config.databaseUrl), checkRedis(config.redisUrl)]);
  return results.filter((line): line is string => line !== null);
}
