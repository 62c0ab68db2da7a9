import { Client } from 'pg';
import { dropDatabase, recreateDatabase } from '../../infra/data-source';
import { asSuperuser } from '../support/postgres-admin';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '@ree/testing';

const HOLDER_APPLICATION = 'horizon-e2e-holder';

interface HorizonBody {
  applicable: boolean;
  lagEvents: number;
  lagMs: number;
  committedHead: string | null;
  readableHead: string | null;
  holder: { pid: number; database: string; applicationName: string; transactionAgeMs: number } | null;
}

/** The value of a sample of `/metrics` whose line starts with `series` (name and labels), if there is one. */
function sampleOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Polls until `read` answers a value that `holds`; fails after a generous ceiling. */
const until = <T>(read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 60_000): Promise<T> =>
  eventually(read, holds, { timeoutMs, intervalMs: 100 });

/**
 * docs/operations.md, "The readable horizon": a transaction left open in another database of the
 * cluster shows, over HTTP and in `/metrics`, as the holder of the event store's horizon, with
 * the events it holds back; once it ends, both clear. Other suites may share the cluster, so
 * every check waits for its condition.
 */
describe('the readable horizon over HTTP and in /metrics', () => {
  let app: TestApp;
  let holder: Client | undefined;
  // Another role's database (the superuser's): the horizon report names sessions of every role.
  const otherUrl = `${asSuperuser(process.env.DATABASE_URL!)}_horizon_e2e`;
  const otherDatabase = decodeURIComponent(new URL(otherUrl).pathname.slice(1));

  beforeAll(async () => {
    await recreateDatabase(otherUrl);
    app = await startTestApp();
  });
  afterAll(async () => {
    await holder?.end().catch(() => undefined);
    await app.close();
    await dropDatabase(otherUrl);
  });

  const horizon = async (): Promise<HorizonBody> => {
    const response = await app.http().get('/api/v1/admin/projections').set('Authorization', `Bearer ${app.token('auditor')}`).expect(200);
    return response.body.horizon as HorizonBody;
  };
  const metrics = async (): Promise<string> => (await app.http().get('/metrics').expect(200)).text;

  it('names the holder and the held-back events while it is open, and clears when it ends', async () => {
    holder = new Client({ connectionString: otherUrl, application_name: HOLDER_APPLICATION });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_current_xact_id()');
    const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;

    const registered = await app
      .http()
      .post('/api/v1/mines')
      .set('Authorization', `Bearer ${app.token('licensing-officer')}`)
      .send({ name: 'Horizon mine', operator: 'Held back', region: 'Jiangxi', country: 'CN', miningLicenceNo: `H-${pid}`, depositType: 'ionic-clay' })
      .expect(201);
    const position = BigInt(registered.body.position);

    const held = await until(horizon, (body) => body.holder?.pid === pid && body.lagEvents >= 1);
    expect(held).toMatchObject({ applicable: true, holder: { pid, database: otherDatabase, applicationName: HOLDER_APPLICATION } });
    expect(held.readableHead === null || BigInt(held.readableHead) < position).toBe(true);

    const holderSeries = `ree_event_store_horizon_holder_seconds{pid="${pid}",database="${otherDatabase}",application="${HOLDER_APPLICATION}"}`;
    const scraped = await until(metrics, (text) => sampleOf(text, holderSeries) !== undefined);
    expect(sampleOf(scraped, holderSeries)).toBeGreaterThanOrEqual(0);
    expect(sampleOf(scraped, 'ree_event_store_horizon_lag_events')).toBeGreaterThanOrEqual(1);
    expect(sampleOf(scraped, 'ree_metrics_collector_up{collector="horizon"}')).toBe(1);

    await holder.end();
    holder = undefined;
    const cleared = await until(horizon, (body) => body.holder?.pid !== pid && body.readableHead !== null && BigInt(body.readableHead) >= position);
    expect(cleared.applicable).toBe(true);
    await until(horizon, (body) => body.lagEvents === 0);
    await until(metrics, (text) => sampleOf(text, holderSeries) === undefined);
  });
});
