import { AnomalyKind, Attempt, CheckResult, Outcome, StoredEvent } from './history';
import { checkHistory, HistoryToCheck } from './check-history';

/** Hand-made histories: one clean, and for each anomaly kind one that contains it (and nothing else). */
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function attempt(op: string, streamId: string, ids: number[], invokedAt: number, completedAt: number, outcome: Outcome, number = 1): Attempt {
  return { op, attempt: number, client: 0, streamId, eventIds: ids.map(ID), expected: 'any', invokedAt, completedAt, outcome };
}
const ok = (revisions: number[], positions: number[]): Outcome => ({ kind: 'ok', revisions, positions: positions.map(String) });
const stored = (op: string, n: number, id: number, streamId: string, revision: number, position: number): StoredEvent => ({
  eventId: ID(id),
  streamId,
  revision,
  position: String(position),
  op,
  n,
});

/**
 * a: acknowledged, two events at s@0,1; b: refused, nothing stored; c: indeterminate, retried, ok at
 * s@2; d: indeterminate, stored at t@0; e: indeterminate, not stored; f: invoked after a was
 * acknowledged, ok at t@1; g: answer lost, then its retry refused, nothing stored.
 */
function clean(): HistoryToCheck & { attempts: Attempt[]; stored: StoredEvent[] } {
  const attempts = [
    attempt('a', 's', [1, 2], 0, 10, ok([0, 1], [100, 101])),
    attempt('b', 's', [3], 5, 12, { kind: 'fail', error: 'wrong-expected-revision' }),
    attempt('c', 's', [4], 6, 15, { kind: 'indeterminate', error: 'unavailable' }),
    attempt('c', 's', [4], 16, 18, ok([2], [300]), 2),
    attempt('d', 't', [5], 7, 20, { kind: 'indeterminate', error: 'unavailable' }),
    attempt('e', 't', [6], 8, 21, { kind: 'indeterminate', error: 'unavailable' }),
    attempt('f', 't', [7], 11, 25, ok([1], [400])),
    attempt('g', 's', [8], 12, 13, { kind: 'indeterminate', error: 'unavailable' }),
    attempt('g', 's', [8], 14, 15, { kind: 'fail', error: 'wrong-expected-revision' }, 2),
  ];
  const events = [
    stored('a', 0, 1, 's', 0, 100),
    stored('a', 1, 2, 's', 1, 101),
    stored('c', 0, 4, 's', 2, 300),
    stored('d', 0, 5, 't', 0, 200),
    stored('f', 0, 7, 't', 1, 400),
  ];
  const lines = events.map((event) => `${event.eventId}|${event.streamId}|${event.revision}`);
  return {
    attempts,
    stored: events,
    catchUp: { after: null, deliveries: [...events].sort((x, y) => Number(x.position) - Number(y.position)) },
    projection: { live: lines, rebuilt: [...lines].reverse() },
  };
}

function only(result: CheckResult, kind: AnomalyKind): void {
  const found = Object.entries(result.counts).filter(([, count]) => count > 0);
  expect(found).toEqual([[kind, expect.any(Number)]]);
  expect(result.examples[kind]?.length).toBeGreaterThan(0);
}

describe('the history checker', () => {
  it('finds nothing in a clean history, and counts its operations', () => {
    const result = checkHistory(clean());
    expect(result.total).toBe(0);
    expect(result.operations).toEqual({ ok: 3, failed: 2, indeterminate: 2 });
    expect(result.eventsChecked).toBe(5);
  });

  it('finds an acknowledged event that is not stored', () => {
    const history = clean();
    // f's event, the last of its stream, so that no gap gives it away.
    only(checkHistory({ ...history, catchUp: undefined, stored: history.stored.filter((event) => event.op !== 'f') }), 'lost');
  });

  it('finds an event id stored twice, and one logical event stored under a second id', () => {
    const history = clean();
    const twice = checkHistory({ ...history, catchUp: undefined, stored: [...history.stored, { ...history.stored[0], streamId: 'u', revision: 0, position: '500' }] });
    expect(twice.counts.duplicated).toBe(1);
    const again = checkHistory({ ...history, catchUp: undefined, stored: [...history.stored, stored('f', 0, 99, 't', 2, 500)] });
    only(again, 'duplicated');
  });

  it('finds a refused append whose events are stored', () => {
    const history = clean();
    only(checkHistory({ ...history, catchUp: undefined, stored: [...history.stored, stored('b', 0, 3, 's', 3, 500)] }), 'failed-append-stored');
    // A retry refused after a lost answer: the lost attempt must not be stored either.
    only(checkHistory({ ...history, catchUp: undefined, stored: [...history.stored, stored('g', 0, 8, 's', 3, 500)] }), 'failed-append-stored');
  });

  it('finds a stream whose revisions have a gap, or do not start at 0', () => {
    const history = clean();
    const gap = history.stored.map((event) => (event.eventId === ID(7) ? { ...event, revision: 2 } : event));
    const withAnswer = history.attempts.map((a) => (a.op === 'f' ? { ...a, outcome: ok([2], [400]) } : a));
    only(checkHistory({ ...history, attempts: withAnswer, stored: gap }), 'revisions-not-contiguous');
    const late = [...history.stored.filter((event) => event.streamId !== 't'), { ...history.stored[4], revision: 1 }];
    const lateAttempts = history.attempts.filter((a) => a.op !== 'd');
    only(checkHistory({ ...history, attempts: lateAttempts, stored: late, catchUp: undefined, projection: undefined }), 'revisions-not-contiguous');
  });

  it('finds an append acknowledged before another was invoked that has the higher position', () => {
    const history = clean();
    // f was invoked at 11, after a's acknowledgement at 10: f below a contradicts real time.
    const attempts = history.attempts.map((a) => (a.op === 'f' ? { ...a, outcome: ok([1], [50]) } : a));
    const events = history.stored.map((event) => (event.op === 'f' ? { ...event, position: '50' } : event));
    only(checkHistory({ ...history, attempts, stored: events, catchUp: undefined }), 'real-time-order');
    // The same positions with f invoked before a was acknowledged: concurrent, either order holds.
    const concurrent = attempts.map((a) => (a.op === 'f' ? { ...a, invokedAt: 9 } : a));
    expect(checkHistory({ ...history, attempts: concurrent, stored: events, catchUp: undefined }).total).toBe(0);
  });

  it('finds an ok answer whose revisions or positions are not what is stored', () => {
    const history = clean();
    const wrongPosition = history.attempts.map((a) => (a.op === 'c' && a.outcome.kind === 'ok' ? { ...a, outcome: ok([2], [301]) } : a));
    only(checkHistory({ ...history, attempts: wrongPosition }), 'answer-mismatch');
    const wrongStream = history.attempts.map((a) => (a.op === 'a' ? { ...a, streamId: 't' } : a));
    only(checkHistory({ ...history, attempts: wrongStream }), 'answer-mismatch');
  });

  it('finds a catch-up reader that skipped, repeated, reordered or invented an event', () => {
    const history = clean();
    const deliveries = history.catchUp!.deliveries;
    only(checkHistory({ ...history, catchUp: { after: null, deliveries: deliveries.filter((_, index) => index !== 2) } }), 'reader-skipped');
    // A reader that started after position 101 owes nothing before it.
    expect(checkHistory({ ...history, catchUp: { after: '101', deliveries: deliveries.slice(2) } }).total).toBe(0);
    const repeated = checkHistory({ ...history, catchUp: { after: null, deliveries: [...deliveries, deliveries[4]] } });
    expect(repeated.counts['reader-repeated']).toBe(1);
    only(checkHistory({ ...history, catchUp: { after: null, deliveries: [deliveries[1], deliveries[0], ...deliveries.slice(2)] } }), 'reader-out-of-order');
    only(checkHistory({ ...history, catchUp: { after: null, deliveries: [...deliveries, { eventId: ID(6), position: '900' }] } }), 'reader-invented');
  });

  it('finds a projection whose rows differ from a clean rebuild', () => {
    const history = clean();
    const { live, rebuilt } = history.projection!;
    const result = checkHistory({ ...history, projection: { live: [...live.slice(1), `${live[1]}`], rebuilt } });
    only(result, 'projection-differs');
    expect(result.counts['projection-differs']).toBe(2);
  });
});
