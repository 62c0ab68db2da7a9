import { EventIdConflictError, WrongExpectedRevisionError } from './errors';

/**
 * How one `appendToStream` call ended: `ok` (stored, or answered as the same append stored
 * earlier), `conflict` (a wrong expected revision or reused event ids: the caller's race) or
 * `failed` (anything else, such as an unreachable database).
 */
export type AppendOutcome = 'ok' | 'conflict' | 'failed';

/** What an adapter reports about one append, for metrics. */
export interface AppendObservation {
  readonly streamId: string;
  /** How many events the caller asked to append. */
  readonly events: number;
  /** The whole call as its caller waited for it: the head lookup, the insert and any retry after a lost race. */
  readonly seconds: number;
  readonly outcome: AppendOutcome;
}

/**
 * Told about every append after it ends. Adapters take one in their options so that the process
 * can measure appends (Prometheus in the platform) without this library importing a metrics
 * client. It runs on the append's path: keep it to a few counter updates.
 */
export type AppendObserver = (observation: AppendObservation) => void;

/** The outcome an append that threw counts as. */
export function appendOutcomeOf(error: unknown): AppendOutcome {
  return error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError ? 'conflict' : 'failed';
}

/**
 * Runs an append and tells the observer how long it took and how it ended. An observer that
 * throws is ignored: metrics never fail a write.
 */
export async function observeAppend<T>(
  observer: AppendObserver | undefined,
  streamId: string,
  events: number,
  append: () => Promise<T>,
): Promise<T> {
  if (!observer) return append();
  const started = performance.now();
  const tell = (outcome: AppendOutcome): void => {
    try {
      observer({ streamId, events, seconds: (performance.now() - started) / 1_000, outcome });
    } catch {
      // Metrics must not turn a stored append into a failed one.
    }
  };
  try {
    const result = await append();
    tell('ok');
    return result;
  } catch (error) {
    tell(appendOutcomeOf(error));
    throw error;
  }
}
