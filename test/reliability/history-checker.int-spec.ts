import { privateTestDatabase } from '@ree/testing';
import { runHistory } from '../support/history/run-history';

/**
 * The history checker over a real run (docs/reliability.md): 16 clients, 20,000 appends of 1–4
 * events to shared streams with exact, `any` and `no-stream` expected revisions, retries of every
 * lost answer with the same ids and content, a fault after every ~200 operations (backends
 * terminated or connections cut), a catch-up reader and a projection beside them. Afterwards the
 * checker must find no anomaly of any kind. `npm run bench -- history --ops 1000000` is the long run.
 */
const OPERATIONS = 20_000;
/** About a hundred faults: each costs every connection a reconnect, the larger part of the run's time. */
const FAULT_EVERY = 200;
/** Sixteen clients over 64 streams: twice the throughput of eight on two cores, as many races per stream. */
const CLIENTS = 16;
const STREAMS = 64;

describe('a recorded history of appends under faults', () => {
  let database: Awaited<ReturnType<typeof privateTestDatabase>>;

  // Its own database: every event in it is the run's, and the terminated backends are only its own.
  beforeAll(async () => {
    database = await privateTestDatabase('history');
  });
  afterAll(() => database.drop());

  it('holds no anomaly: nothing lost or doubled, contiguous revisions, real-time order, exact answers, a faithful reader and projection', async () => {
    const report = await runHistory({ url: database.url, operations: OPERATIONS, clients: CLIENTS, streams: STREAMS, faultEvery: FAULT_EVERY, settleCeilingMs: 300_000 });
    const { check } = report;
    console.info(
      `history: ${OPERATIONS} operations (${report.attempts} attempts): ${check.operations.ok} ok, ${check.operations.failed} failed, ` +
        `${check.operations.indeterminate} indeterminate; faults: ${report.faults.terminations} terminations (${report.faults.backendsTerminated} backends), ` +
        `${report.faults.cuts} cuts (${report.faults.connectionsCut} connections); errors ${JSON.stringify(report.errors)}; ` +
        `${check.eventsChecked} events checked, ${report.delivered} delivered, ${report.projectionRows} projection rows; ` +
        `anomalies ${check.total}: ${JSON.stringify(check.examples)}; attempts took ${report.attemptMs.p50} ms (median), ` +
        `${report.attemptMs.p99} ms (99th percentile); workload ${(report.workloadMs / 1000).toFixed(1)} s, all ${(report.totalMs / 1000).toFixed(1)} s`,
    );
    expect(check.examples).toEqual({});
    expect(check.total).toBe(0);
    expect(check.operations.ok + check.operations.failed + check.operations.indeterminate).toBe(OPERATIONS);
    // The run did what it claims: faults landed, answers were lost and retried, and most operations took effect.
    expect(report.faults.terminations + report.faults.cuts).toBeGreaterThan(40);
    expect(report.errors.unavailable).toBeGreaterThan(0);
    expect(report.errors['event-id-conflict']).toBeUndefined();
    expect(check.operations.ok).toBeGreaterThan(OPERATIONS / 2);
    expect(check.eventsChecked).toBeGreaterThan(OPERATIONS);
    // A ceiling, not a measure: 452 s on a machine busy with two CPU-bound processes and a benchmark.
  }, 1_500_000);
});
