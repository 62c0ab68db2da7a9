import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL cluster of the test's own, made with PostgreSQL's own binaries. */
export interface ScratchCluster {
  /** The directory of initdb, pg_ctl, pg_dump and pg_restore. */
  readonly binDir: string;
  /** A private directory for the test's files (dumps); removed by `stop`. */
  readonly dir: string;
  url(database: string): string;
  /** Runs one of the cluster's client programs (pg_dump, pg_restore) as the test's own user. */
  run(program: string, args: readonly string[]): Promise<string>;
  /** Stops the server and removes its directory; safe to call twice, and after a failed start. */
  stop(): Promise<void>;
}

const COMMAND_TIMEOUT_MS = 120_000;

/**
 * Where the binaries of PostgreSQL `major` are: `PG_BIN_DIR` if set, else the Debian/Ubuntu or
 * the RHEL layout. A dump must be restored by tools of its server's version or newer.
 */
export function postgresBinDir(major: number): string {
  const candidates = [process.env.PG_BIN_DIR, `/usr/lib/postgresql/${major}/bin`, `/usr/pgsql-${major}/bin`];
  const found = candidates.find((dir) => dir !== undefined && existsSync(join(dir, 'initdb')));
  if (!found) throw new Error(`No PostgreSQL ${major} binaries (initdb) in ${candidates.filter(Boolean).join(', ')}: set PG_BIN_DIR`);
  return found;
}

/**
 * Starts a cluster in a new temporary directory on a free port of 127.0.0.1, with trust
 * authentication for `postgres` and without fsync (its data is thrown away). initdb and the
 * server refuse to run as root, so as root they run as the OS user `postgres` (runuser), which
 * then owns the directory.
 */
export async function startScratchCluster(binDir: string): Promise<ScratchCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'ree-scratch-cluster-'));
  const data = join(dir, 'data');
  const asServer = process.getuid?.() === 0 ? await serverUser(dir) : (program: string, args: readonly string[]) => [program, ...args];
  const serve = (program: string, args: readonly string[]): Promise<string> => {
    const [command, ...rest] = asServer(join(binDir, program), args);
    return exec(command, rest, dir);
  };
  let started = false;
  const stop = async (): Promise<void> => {
    if (started) {
      started = false;
      await serve('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await serve('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    started = true;
    await serve('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    return {
      binDir,
      dir,
      url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
      run: (program, args) => exec(join(binDir, program), args),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Hands `dir` to the OS user `postgres` and runs server programs as that user. */
async function serverUser(dir: string): Promise<(program: string, args: readonly string[]) => string[]> {
  const [uid, gid] = await Promise.all([exec('id', ['-u', 'postgres']), exec('id', ['-g', 'postgres'])]);
  await chown(dir, Number(uid.trim()), Number(gid.trim()));
  return (program, args) => ['runuser', '-u', 'postgres', '--', program, ...args];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a program with a ceiling (in `cwd`, which the server's user can enter); rejects with its stderr when it fails. */
function exec(command: string, args: readonly string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args], { cwd, timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}
