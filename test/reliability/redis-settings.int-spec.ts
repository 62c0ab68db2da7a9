import { checkRedisSettings } from '@ree/platform/redis';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { OwnRedis, startOwnRedis } from '../support/own-redis';

const ROOT = path.resolve(__dirname, '..', '..');

/** The worker's main, started as an operator would; resolves with its exit code and stderr once it ends (killed after 120 s). */
async function startWorker(redisUrl: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', REDIS_URL: redisUrl, DATABASE_URL: process.env.DATABASE_URL!, LOG_LEVEL: 'silent' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, stderr };
}

/** docs/decisions.md 24: Redis as BullMQ needs it, checked when the worker starts. */
describe('Redis’s settings, checked at the worker’s start', () => {
  const servers: OwnRedis[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });
  const own = async (args: readonly string[]) => {
    const server = await startOwnRedis(args);
    servers.push(server);
    return server.url;
  };

  it('passes a Redis that never evicts and writes its AOF, without a word', async () => {
    expect(await checkRedisSettings(await own(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']))).toEqual({ refusal: null, warnings: [] });
  });

  it('warns of a Redis that keeps nothing on disk, and of one that refuses CONFIG', async () => {
    const volatile = await checkRedisSettings(await own(['--maxmemory-policy', 'noeviction']));
    expect(volatile.refusal).toBeNull();
    expect(volatile.warnings).toEqual([expect.stringContaining('keeps nothing on disk')]);

    const locked = await checkRedisSettings(await own(['--rename-command', 'CONFIG', '""']));
    expect(locked.refusal).toBeNull();
    expect(locked.warnings).toEqual([expect.stringContaining('Could not read the settings')]);
  });

  it('refuses to start the worker on a Redis that evicts keys: exit 1, one line naming the setting', async () => {
    const { code, stderr } = await startWorker(await own(['--appendonly', 'yes', '--maxmemory-policy', 'allkeys-lru']));
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/maxmemory-policy allkeys-lru.*maxmemory-policy noeviction/);
  }, 150_000);
});
