import { EventStore, Projector } from '@ree/event-store';
import { useProjectorHarness } from '@ree/testing';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BlueGreenRowsProjection, namedObjectsOf } from '@ree/event-store/testing/blue-green-projection';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILD = 'test/reliability/worker-crash/rebuild-child.ts';
const KILLS = 10;
/** Of those, the last ones land just as the copy is being switched in: the moment a crash must not break. */
const KILLS_WHILE_SWITCHING = 3;
const STREAMS = 30;
const EVENTS_PER_STREAM = 20;

/** A worker process that rebuilds one projection (worker-crash/rebuild-child.ts), and what it has printed. */
class Child {
  readonly exited: Promise<number | null>;
  private readonly lines: string[] = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private stderr = '';
  private waiters: Array<{ matches: (line: string) => boolean; resolve: () => void }> = [];

  /** Spawned at once, so that its code loads while the previous worker runs; it starts at {@link go}. */
  constructor(env: Record<string, string>) {
    this.process = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', CHILD], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let pending = '';
    this.process.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) this.heard(line);
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
  }

  go(): void {
    this.process.stdin.end('go\n');
  }

  /** Resolves at the first line (already printed or to come) that matches; rejects if the worker ends first, or after 20 s. */
  async until(matches: (line: string) => boolean): Promise<void> {
    if (this.lines.some(matches)) return;
    const seen = new Promise<void>((resolve) => this.waiters.push({ matches, resolve }));
    const ended = this.exited.then((code) => {
      if (!this.lines.some(matches)) throw new Error(`The worker ended (${code}) before the line awaited: ${this.stderr}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The worker did not print the line awaited within 60 s; it printed ${this.lines.slice(-3).join(' | ')}; ${this.stderr}`)), 60_000);
    });
    await Promise.race([seen, ended, late]).finally(() => clearTimeout(timer));
  }

  /** The phase of the last progress report (`replaying`, `switching`, `done`), or `starting` before one. */
  get phase(): string {
    const last = [...this.lines].reverse().find((line) => line.startsWith('phase '));
    return last?.split(' ')[1] ?? 'starting';
  }

  async kill(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    await this.exited;
  }

  async finished(): Promise<void> {
    const code = await this.exited;
    if (code !== 0) throw new Error(`The worker failed (${code}): ${this.stderr}`);
  }

  private heard(line: string): void {
    this.lines.push(line);
    for (const waiter of this.waiters.filter((candidate) => candidate.matches(line))) waiter.resolve();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function append(store: EventStore, type: string, streams: number, perStream: number): Promise<void> {
  for (let stream = 0; stream < streams; stream++) {
    const events = Array.from({ length: perStream }, (_, index) => ({
      type,
      data: { value: index + 1 },
      metadata: { actor: { sub: 'worker-crash-test', role: 'admin' } },
    }));
    await store.appendToStream(`crash-${randomUUID()}`, events);
  }
}

/** A progress line at or past `fraction` of the replay, or any line of the switch and after. */
const pastFraction = (fraction: number, total: number) => (line: string) => {
  const [word, phase, processed] = line.split(' ');
  return word === 'phase' && (phase !== 'replaying' || Number(processed) >= fraction * total);
};

/**
 * docs/quality.md, "Reliability" (worker crash): a worker killed with SIGKILL at random points of a blue/green
 * rebuild, ten times (at a random share of the replay, the last three just as the copy is being
 * switched in), while the store moves on. After each kill the live tables answer, with their
 * indexes and constraints as they were; after a clean restart that finishes, the read model
 * equals a clean build row for row, and nothing of the copies is left.
 */
describe('worker crash during a blue/green rebuild', () => {
  const harness = useProjectorHarness();
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const env = { CRASH_PROJECTION: `crash_${suffix}`, CRASH_SCHEMA: `crash_${suffix}`, CRASH_EVENT_TYPE: `CrashCounted_${suffix}` };
  const projection = new BlueGreenRowsProjection(env.CRASH_PROJECTION, env.CRASH_SCHEMA, env.CRASH_EVENT_TYPE);
  const children: Child[] = [];
  const spawned = (): Child => {
    const child = new Child(env);
    children.push(child);
    return child;
  };
  afterAll(() => Promise.all(children.map((child) => child.kill())));

  /** The live read model as a worker would have built it before anyone asked for a rebuild. */
  async function projectedUpToHead(): Promise<void> {
    const projector = new Projector({ store: harness.store, dataSource: harness.dataSource, projections: [projection], lockIntervalMs: 20 });
    await projector.start();
    await harness.caughtUp(env.CRASH_PROJECTION, (await harness.store.headPosition())!);
    await projector.stop();
  }

  it('leaves the live tables answering after every kill, and ends equal to a clean build', async () => {
    const started = Date.now();
    let next = spawned();
    await BlueGreenRowsProjection.createTables(harness.owner.manager, env.CRASH_SCHEMA);
    const names = await namedObjectsOf(harness.dataSource.manager, env.CRASH_SCHEMA);
    await append(harness.store, env.CRASH_EVENT_TYPE, STREAMS, EVENTS_PER_STREAM);
    await projectedUpToHead();

    const killedIn: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const child = next;
      child.go();
      next = spawned();
      await child.until((line) => line === 'ready');
      // The store moves on meanwhile: the live projection and the copy both have more to apply.
      const appending = append(harness.store, env.CRASH_EVENT_TYPE, 2, 5);
      if (kill < KILLS - KILLS_WHILE_SWITCHING) await child.until(pastFraction(Math.random(), STREAMS * EVENTS_PER_STREAM));
      else {
        await child.until((line) => line.startsWith('phase switching'));
        await sleep(Math.random() * 5);
      }
      await child.kill();
      await appending;
      killedIn.push(child.phase);

      expect(await namedObjectsOf(harness.dataSource.manager, env.CRASH_SCHEMA)).toEqual(names);
      expect((await projection.rows(harness.dataSource.manager)).items.length).toBeGreaterThanOrEqual(STREAMS * EVENTS_PER_STREAM);
    }

    next.go();
    await next.finished();
    const head = (await harness.store.headPosition())!;
    await harness.caughtUp(env.CRASH_PROJECTION, head);

    const clean = new BlueGreenRowsProjection(`crash_clean_${suffix}`, `crash_clean_${suffix}`, env.CRASH_EVENT_TYPE);
    await BlueGreenRowsProjection.createTables(harness.owner.manager, clean.schema);
    await harness.run([clean]);
    await harness.caughtUp(clean.name, head);
    const rebuilt = await projection.rows(harness.dataSource.manager);
    expect(rebuilt).toEqual(await clean.rows(harness.dataSource.manager));
    expect(rebuilt.items).toHaveLength(STREAMS * EVENTS_PER_STREAM + KILLS * 2 * 5);
    const schemas = await harness.dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${env.CRASH_SCHEMA}%`]);
    expect(schemas).toEqual([{ nspname: env.CRASH_SCHEMA }]);
    expect(await harness.dataSource.query(`SELECT 1 FROM projections.checkpoints WHERE name = $1`, [`${env.CRASH_PROJECTION}@rebuild`])).toEqual([]);
    expect(killedIn).toContain('replaying');
    expect(killedIn).toContain('switching');
    // For whoever reads a failure: where each kill landed, and how long it all took.
    console.info(`worker-crash: kills in ${killedIn.join(', ')}; ${Date.now() - started} ms in all`);
  }, 300_000);
});
