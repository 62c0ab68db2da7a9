import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { eventually } from '@ree/testing';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The API as a process of its own, started from its sources as `npm start` runs the built one
 * (`apps/api/src/main.ts` under ts-node, so that `npm test` needs no build), on a free port of its
 * own: the test kills it with SIGKILL.
 */
export class ApiProcess {
  readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly baseUrl: string,
  ) {
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4_000)));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  /** Spawned at once; it answers once {@link ready} resolves. */
  static async spawn(env: Record<string, string>): Promise<ApiProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
    });
    return new ApiProcess(child, `http://127.0.0.1:${port}`);
  }

  /** Resolves once `/health/ready` answers 200; fails if the process ends first or after `ceilingMs`. */
  async ready(ceilingMs = 120_000): Promise<void> {
    const status = async (): Promise<number> => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`The API ended before it was ready: ${this.stderr}`);
      return fetch(`${this.baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) }).then(
        (response) => response.status,
        () => 0,
      );
    };
    await eventually(status, (answer) => answer === 200, { timeoutMs: ceilingMs, intervalMs: 100, what: `the API ready (${this.stderr})` });
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
