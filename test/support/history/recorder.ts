import { AppendResult, EventIdConflictError, EventStoreUnavailableError, WrongExpectedRevisionError } from '@ree/event-store';
import { performance } from 'node:perf_hooks';
import { Attempt, Outcome } from './history';

/** An attempt as it is invoked: everything but its times and outcome. */
export type Invocation = Omit<Attempt, 'invokedAt' | 'completedAt' | 'outcome'>;

/**
 * Records each append attempt with its real-time bounds: `invokedAt` is taken just before the
 * store is called, `completedAt` just after its answer or error arrives, on one monotonic clock,
 * so that "A completed before B was invoked" in the record means it in fact.
 */
export class HistoryRecorder {
  readonly attempts: Attempt[] = [];
  /** Errors met, by the kind the outcome names (`unavailable`, `wrong-expected-revision`, …). */
  readonly errors = new Map<string, number>();

  async record(invocation: Invocation, append: () => Promise<AppendResult>): Promise<{ outcome: Outcome; error?: unknown }> {
    const invokedAt = performance.now();
    let outcome: Outcome;
    let failure: unknown;
    try {
      const result = await append();
      outcome = { kind: 'ok', revisions: result.events.map((event) => event.revision), positions: result.events.map((event) => event.position) };
    } catch (error) {
      failure = error;
      const refused = outcomeOf(error);
      this.errors.set(refused.error, (this.errors.get(refused.error) ?? 0) + 1);
      outcome = refused;
    }
    this.attempts.push({ ...invocation, invokedAt, completedAt: performance.now(), outcome });
    return { outcome, error: failure };
  }
}

/**
 * A wrong expected revision is a definite refusal: the adapter wrote nothing (and a stored retry of
 * the same append would have been answered as such, not refused). An event-id conflict is one too.
 * Anything else, the unavailable store first of all, may have hit after the commit: indeterminate.
 */
export function outcomeOf(error: unknown): Exclude<Outcome, { kind: 'ok' }> {
  if (error instanceof WrongExpectedRevisionError) return { kind: 'fail', error: 'wrong-expected-revision' };
  if (error instanceof EventIdConflictError) return { kind: 'fail', error: 'event-id-conflict' };
  if (error instanceof EventStoreUnavailableError) return { kind: 'indeterminate', error: 'unavailable' };
  const name = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'indeterminate', error: `other (${name.slice(0, 120)})` };
}
