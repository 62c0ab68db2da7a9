import { ANOMALY_KINDS } from '../../test/support/history/history';
import { runHistory } from '../../test/support/history/run-history';
import type { Scenario } from '../scenario';

/**
 * The history checker's long run (docs/reliability.md): the workload of
 * test/reliability/history-checker.int-spec.ts, as many operations as asked, then the checker.
 * Passes when it finds no anomaly.
 */
export const history: Scenario = {
  summary: 'concurrent appends under faults (backends terminated, connections cut), a catch-up reader and a projection beside; then the history checker',
  knobs: {
    ops: { default: 20_000, help: 'logical append operations in all' },
    clients: { default: 8, help: 'concurrent clients' },
    streams: { default: 32, help: 'streams the clients share' },
    'fault-every': { default: 100, help: 'a fault after this many operations on average' },
    'settle-ceiling-s': { default: 600, help: 'the longest the reader, the projection and the rebuild may take to catch up afterwards' },
  },
  async run(url, knobs) {
    const report = await runHistory({
      url,
      operations: knobs.ops,
      clients: knobs.clients,
      streams: knobs.streams,
      faultEvery: knobs['fault-every'],
      settleCeilingMs: knobs['settle-ceiling-s'] * 1000,
      // A long run says how far it is, on stderr so that the table on stdout stays clean.
      onProgress: (done, elapsedMs) =>
        process.stderr.write(`history: ${done} of ${knobs.ops} operations in ${(elapsedMs / 1000).toFixed(0)} s (${Math.round(done / (elapsedMs / 1000))} ops/s)\n`),
    });
    const { check, faults } = report;
    const seconds = report.workloadMs / 1000;
    return {
      passed: check.total === 0,
      notes: check.total === 0 ? 'no anomaly' : `anomalies: ${JSON.stringify(check.examples, null, 2)}`,
      figures: [
        { figure: 'operations', unit: 'ops', value: knobs.ops },
        { figure: 'attempts', unit: 'appends', value: report.attempts },
        { figure: 'ok', unit: 'ops', value: check.operations.ok },
        { figure: 'failed (wrong expected revision)', unit: 'ops', value: check.operations.failed },
        { figure: 'indeterminate at the end', unit: 'ops', value: check.operations.indeterminate },
        { figure: 'answers lost (unavailable)', unit: 'attempts', value: report.errors.unavailable ?? 0 },
        { figure: 'faults: backend terminations', unit: 'rounds', value: faults.terminations },
        { figure: 'faults: backends terminated', unit: 'backends', value: faults.backendsTerminated },
        { figure: 'faults: connection cuts', unit: 'rounds', value: faults.cuts },
        { figure: 'faults: connections cut', unit: 'connections', value: faults.connectionsCut },
        { figure: 'events checked', unit: 'events', value: check.eventsChecked },
        { figure: 'events delivered to the catch-up reader', unit: 'events', value: report.delivered },
        { figure: 'projection rows compared', unit: 'rows', value: report.projectionRows },
        ...ANOMALY_KINDS.map((kind) => ({ figure: `anomalies: ${kind}`, unit: 'anomalies', value: check.counts[kind] })),
        { figure: 'anomalies', unit: 'anomalies', value: check.total },
        { figure: 'attempt duration, median', unit: 'ms', value: report.attemptMs.p50 },
        { figure: 'attempt duration, 99th percentile', unit: 'ms', value: report.attemptMs.p99 },
        { figure: 'attempt duration, longest', unit: 'ms', value: report.attemptMs.max },
        { figure: 'workload duration', unit: 's', value: Number(seconds.toFixed(1)) },
        { figure: 'operations per second under faults', unit: 'ops/s', value: Math.round(knobs.ops / seconds) },
        { figure: 'whole run, check included', unit: 's', value: Number((report.totalMs / 1000).toFixed(1)) },
      ],
    };
  },
};
