import { Anomalies } from './anomalies';
import { checkCatchUp, checkProjection } from './catch-up-check';
import { Attempt, CatchUpReading, CheckResult, ProjectionRows, StoredEvent } from './history';
import { checkRealTimeOrder, TimedOperation } from './real-time-order';

export interface HistoryToCheck {
  /** Every attempt of every client, in any order. */
  readonly attempts: readonly Attempt[];
  /** Every event the store holds afterwards (of the run's streams), in any order. */
  readonly stored: readonly StoredEvent[];
  readonly catchUp?: CatchUpReading;
  readonly projection?: ProjectionRows;
}

/**
 * Checks a recorded history against what the store holds afterwards, in the way Jepsen's Elle
 * checks list-append histories: each stream is a list that appends extend, every event carries
 * the operation that wrote it, so the final lists tell which operations took effect, where, and
 * in what order; the answers and the real-time bounds of the operations must agree with that.
 * What is checked, and why each check is sound, is docs/decisions.md §25.
 */
export function checkHistory(history: HistoryToCheck): CheckResult {
  const anomalies = new Anomalies();
  const byId = new Map<string, StoredEvent>();
  for (const event of history.stored) {
    const earlier = byId.get(event.eventId);
    if (earlier) anomalies.add('duplicated', () => `event id ${event.eventId} stored twice: ${where(earlier)} and ${where(event)}`);
    else byId.set(event.eventId, event);
  }
  const byOp = checkLogicalDuplicates(history.stored, anomalies);
  checkRevisions(history.stored, anomalies);

  const operations = new Map<string, Attempt[]>();
  for (const attempt of history.attempts) {
    const attempts = operations.get(attempt.op);
    if (attempts) attempts.push(attempt);
    else operations.set(attempt.op, [attempt]);
  }
  const counts = { ok: 0, failed: 0, indeterminate: 0 };
  const timed: TimedOperation[] = [];
  for (const [op, attempts] of operations) {
    const stored = attempts[0].eventIds.map((id) => byId.get(id));
    const acknowledged = attempts.filter((attempt) => attempt.outcome.kind === 'ok');
    if (acknowledged.length > 0) {
      counts.ok++;
      checkAcknowledged(op, acknowledged, stored, anomalies);
    } else if (attempts.reduce((last, attempt) => (attempt.attempt > last.attempt ? attempt : last)).outcome.kind === 'fail') {
      // Refused at last: a retry carries the first attempt's ids, content and expected revision, and
      // the store answers a retry of a stored append as it answered the append (decision 2), so a
      // refusal means that no attempt was stored.

      counts.failed++;
      const written = stored.find((event) => event !== undefined) ?? byOp.get(op);
      if (written) anomalies.add('failed-append-stored', () => `${op} was refused (${errorsOf(attempts)}) yet ${where(written)} is stored`);
    } else {
      counts.indeterminate++;
    }
    timed.push(timing(op, attempts, acknowledged, stored));
  }
  checkRealTimeOrder(timed, anomalies);
  if (history.catchUp) checkCatchUp(history.catchUp, history.stored, anomalies);
  if (history.projection) checkProjection(history.projection, anomalies);
  return { counts: anomalies.counts, examples: anomalies.examples, total: anomalies.total, operations: counts, eventsChecked: history.stored.length };
}

/** Every acknowledged event is stored, in the answered stream, at the answered revision and position. */
function checkAcknowledged(op: string, acknowledged: readonly Attempt[], stored: readonly (StoredEvent | undefined)[], anomalies: Anomalies): void {
  const first = acknowledged[0];
  first.eventIds.forEach((eventId, index) => {
    if (stored[index] === undefined) anomalies.add('lost', () => `${op}: ${eventId} was acknowledged at ${first.streamId} yet is not stored`);
  });
  for (const attempt of acknowledged) {
    if (attempt.outcome.kind !== 'ok') continue;
    const { revisions, positions } = attempt.outcome;
    const matches =
      revisions.length === attempt.eventIds.length &&
      stored.every((event, index) => event === undefined || (event.streamId === attempt.streamId && event.revision === revisions[index] && event.position === positions[index]));
    if (!matches) {
      anomalies.add(
        'answer-mismatch',
        () => `${op} attempt ${attempt.attempt} answered ${attempt.streamId}@[${revisions.join(',')}] at [${positions.join(',')}], stored ${stored.map((event) => (event ? where(event) : 'nothing')).join(', ')}`,
      );
    }
  }
}

/**
 * The same logical event (operation and index) stored under two event ids: an append applied
 * twice. Returns a stored event of each operation, whatever its id.
 */
function checkLogicalDuplicates(stored: readonly StoredEvent[], anomalies: Anomalies): Map<string, StoredEvent> {
  const byLogical = new Map<string, StoredEvent>();
  const byOp = new Map<string, StoredEvent>();
  for (const event of stored) {
    if (event.op === undefined) continue;
    if (!byOp.has(event.op)) byOp.set(event.op, event);
    const key = `${event.op}#${event.n ?? 0}`;
    const earlier = byLogical.get(key);
    if (earlier === undefined) byLogical.set(key, event);
    else if (earlier.eventId !== event.eventId) {
      anomalies.add('duplicated', () => `event ${key} stored twice under different ids: ${where(earlier)} and ${where(event)}`);
    }
  }
  return byOp;
}

/** Each stream's revisions are exactly 0 … n-1. */
function checkRevisions(stored: readonly StoredEvent[], anomalies: Anomalies): void {
  const byStream = new Map<string, number[]>();
  for (const event of stored) {
    const revisions = byStream.get(event.streamId);
    if (revisions) revisions.push(event.revision);
    else byStream.set(event.streamId, [event.revision]);
  }
  for (const [streamId, revisions] of byStream) {
    revisions.sort((a, b) => a - b);
    const broken = revisions.findIndex((revision, index) => revision !== index);
    if (broken >= 0) {
      anomalies.add('revisions-not-contiguous', () => `${streamId}: revision ${revisions[broken]} where ${broken} was due (stored ${summarise(revisions)})`);
    }
  }
}

function timing(op: string, attempts: readonly Attempt[], acknowledged: readonly Attempt[], stored: readonly (StoredEvent | undefined)[]): TimedOperation {
  const positions = stored.flatMap((event) => (event ? [BigInt(event.position)] : []));
  return {
    op,
    invokedAt: Math.min(...attempts.map((attempt) => attempt.invokedAt)),
    acknowledgedAt: acknowledged.length > 0 ? Math.min(...acknowledged.map((attempt) => attempt.completedAt)) : undefined,
    lowest: positions.length > 0 ? positions.reduce((a, b) => (b < a ? b : a)) : undefined,
    highest: positions.length > 0 ? positions.reduce((a, b) => (b > a ? b : a)) : undefined,
  };
}

function where(event: StoredEvent): string {
  return `${event.eventId} at ${event.streamId}@${event.revision} (position ${event.position})`;
}

function errorsOf(attempts: readonly Attempt[]): string {
  return attempts.map((attempt) => (attempt.outcome.kind === 'ok' ? 'ok' : attempt.outcome.error)).join(', ');
}

function summarise(revisions: readonly number[]): string {
  return revisions.length <= 12 ? revisions.join(',') : `${revisions.slice(0, 12).join(',')},… (${revisions.length})`;
}
