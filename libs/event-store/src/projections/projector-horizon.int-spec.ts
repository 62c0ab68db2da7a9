import { Client } from 'pg';
import { asSuperuser, eventually } from '@ree/testing';
import { dropDatabase, recreateDatabase } from '../../../../infra/data-source';
import type { Horizon, HorizonReport } from '../horizon';
import { readHorizon } from '../horizon';
import { Projector } from './projector';
import type { ProjectorLogger } from './projector-options';
import { appendEvents, fresh, useProjectorHarness } from '../testing/schema-harness';
import { RowsProjection } from '../testing/rows-projection';

const HOLDER_APPLICATION = 'horizon-holder-spec';

/** Warnings apart from the rest, to count them. */
class SplitLogger implements ProjectorLogger {
  readonly warnings: string[] = [];
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
}

/**
 * docs/decisions.md, 1 and 21: readers of the PostgreSQL store stop below the oldest transaction
 * running anywhere in the cluster. A transaction holding an id in another database of the same
 * cluster must therefore show as the holder of the horizon, and the lag must clear when it ends.
 * Other suites may run transactions on the same cluster meanwhile, so every check waits for its
 * condition rather than expecting it at once.
 */
describe('the readable horizon, held back from another database of the cluster', () => {
  const suite = useProjectorHarness();
  // Another role's database (the superuser's): the horizon report names sessions of every role.
  const otherUrl = `${asSuperuser(process.env.DATABASE_URL!)}_horizon_other`;
  const otherDatabase = decodeURIComponent(new URL(otherUrl).pathname.slice(1));
  let holder: Client | undefined;

  beforeAll(() => recreateDatabase(otherUrl));
  afterEach(async () => {
    await holder?.end().catch(() => undefined);
    holder = undefined;
  });
  afterAll(() => dropDatabase(otherUrl));

  /** Opens a transaction with an id in the other database and leaves it open; resolves to its backend pid. */
  async function holdHorizon(): Promise<number> {
    holder = new Client({ connectionString: otherUrl, application_name: HOLDER_APPLICATION });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_current_xact_id()');
    return (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  }

  async function horizon(): Promise<Horizon> {
    const report: HorizonReport = await readHorizon(suite.harness.store);
    if (!report.applicable) throw new Error('The PostgreSQL store must report a horizon');
    return report;
  }

  function projectorOf(type: string, logger: ProjectorLogger, projection: RowsProjection): Projector {
    return suite.track(
      new Projector({
        store: suite.harness.store,
        dataSource: suite.harness.dataSource,
        projections: [projection],
        lockIntervalMs: 50,
        horizonWarnAfterMs: 100,
        horizonCheckIntervalMs: 20,
        logger,
      }),
    );
  }

  it('names the holder (pid, database, application) and counts the held-back events, in the store and the projector status, until it ends', async () => {
    const type = fresh('Held');
    const projection = await RowsProjection.create(suite.harness.owner.manager, suite.harness.schema, fresh('rows'), type);
    const projector = projectorOf(type, new SplitLogger(), projection);
    const pid = await holdHorizon();
    const { position } = await appendEvents(suite.harness.store, type, 2);

    let seen: Horizon | undefined;
    await eventually(async () => {
      seen = await horizon();
      return seen.holder?.pid === pid && seen.lagEvents >= 2;
    });
    expect(seen!.holder).toMatchObject({ pid, database: otherDatabase, applicationName: HOLDER_APPLICATION, state: 'idle in transaction' });
    expect(seen!.holder!.transactionAgeMs).toBeGreaterThanOrEqual(0);
    expect(BigInt(seen!.committedHead!)).toBeGreaterThanOrEqual(BigInt(position));
    expect(seen!.readableHead === null || BigInt(seen!.readableHead) < BigInt(position)).toBe(true);
    const { events } = await suite.harness.store.readAll({ after: seen!.readableHead, maxCount: 10_000 });
    expect(events.map((event) => event.position)).not.toContain(position);

    const [status] = await projector.status();
    expect(status.horizon).toMatchObject({ applicable: true, holder: { pid, database: otherDatabase, applicationName: HOLDER_APPLICATION } });

    await holder!.end();
    holder = undefined;
    await eventually(async () => {
      const after = await horizon();
      return after.holder?.pid !== pid && after.readableHead !== null && BigInt(after.readableHead) >= BigInt(position);
    });
    await eventually(async () => (await horizon()).lagEvents === 0);
  });

  it('warns once, naming the holder, when an event has been unreadable for the threshold, and says when the horizon moves again', async () => {
    const type = fresh('Stalled');
    const projection = await RowsProjection.create(suite.harness.owner.manager, suite.harness.schema, fresh('rows'), type);
    const logger = new SplitLogger();
    const projector = projectorOf(type, logger, projection);
    await projector.start();
    const pid = await holdHorizon();
    await appendEvents(suite.harness.store, type, 1);

    await eventually(async () => logger.warnings.some((warning) => warning.includes(`pid ${pid} `)));
    const [warning] = logger.warnings.filter((line) => line.includes(`pid ${pid} `));
    expect(warning).toContain(`database ${otherDatabase}`);
    expect(warning).toContain(`application "${HOLDER_APPLICATION}"`);
    expect(warning).toMatch(/Event store horizon held back: \d+\+? committed events cannot be read yet/);

    await holder!.end();
    holder = undefined;
    await eventually(async () => logger.lines.some((line) => line.startsWith('Event store horizon: moving again')));
    expect(logger.warnings.filter((line) => line.includes(`pid ${pid} `))).toHaveLength(1);
  });
});
