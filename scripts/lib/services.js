/**
 * Checks that PostgreSQL and Redis answer before anything is built or started. The same
 * messages as the apps' own start check (libs/platform/src/lifecycle/service-check.ts), so a
 * stopped service is reported in one line whichever way the product is started.
 */
const { Client } = require('pg');
const { Redis } = require('ioredis');

const DEFAULT_DATABASE_URL = 'postgres://ree_app@127.0.0.1:5432/ree';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const TIMEOUT_MS = 3000;

const HOW_TO_START = {
  postgres:
    'start it with `docker compose up -d postgres redis`, or on this machine `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`',
  redis:
    'start it with `docker compose up -d postgres redis`, or on this machine `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`',
};

function withoutPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * A database or a role that does not exist yet counts as reachable: the migration step creates
 * them (or says in one line what to run).
 */
async function checkPostgres(url) {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: TIMEOUT_MS,
    application_name: 'ree-service-check',
    statement_timeout: TIMEOUT_MS,
    idle_in_transaction_session_timeout: TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    if (error.code === '3D000' || error.code === '28000') return null;
    return `PostgreSQL is not reachable at ${withoutPassword(url)} (${error.message || error.code}): ${HOW_TO_START.postgres}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED…) says more than the "Connection is closed." that follows it.
  let socketError;
  redis.on('error', (error) => {
    socketError = socketError || error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis is not reachable at ${withoutPassword(url)} (${(socketError || error).message}): ${HOW_TO_START.redis}`;
  } finally {
    redis.disconnect(false);
  }
}

/** One line per service that does not answer, for the URLs in `env` (or their defaults). */
async function unreachableServices(env = process.env) {
  const results = await Promise.all([
    checkPostgres(env.DATABASE_URL || DEFAULT_DATABASE_URL),
    checkRedis(env.REDIS_URL || DEFAULT_REDIS_URL),
  ]);
  return results.filter((line) => line !== null);
}

module.exports = { unreachableServices, DEFAULT_DATABASE_URL };
