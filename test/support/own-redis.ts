import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { eventually } from '@ree/testing';

/** A port free at the moment of asking: a listener is opened to find one, then closed. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Redis server of the test's own (`redis-server` on the PATH), on a free port, with the settings given. */
export interface OwnRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `redis-server` (killed by its pid on `stop`) with `args` (nothing kept on disk unless they say so) and resolves once it answers PING (20 s at most). */
export async function startOwnRedis(args: readonly string[]): Promise<OwnRedis> {
  const port = await freePort();
  // A directory of its own for whatever it writes (an AOF), removed when it stops.
  const dir = await mkdtemp(path.join(tmpdir(), 'ree-own-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...args], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`redis-server ended before it answered on port ${port}`);
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
      probe.on('error', () => undefined);
      const up = await probe.connect().then(() => probe.ping().then(() => true), () => false).catch(() => false);
      probe.disconnect(false);
      return up;
    },
    { what: `redis-server answering on port ${port}` },
  );
  return {
    url,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
