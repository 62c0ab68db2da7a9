/**
 * The vocabulary of a recorded history (see docs/reliability.md): what each client asked the
 * store, what it answered and when, what the store holds afterwards, and what a catch-up reader
 * and a projection made of it. The checker (check-history.ts) reads nothing else.
 */

/** The expected revisions the workload uses: a revision it last knew, `any`, or `no-stream`. */
export type Expected = number | 'any' | 'no-stream';

/** What a client learnt from one attempt. */
export type Outcome =
  /** Acknowledged: the stored events' revisions and positions, as the store answered them. */
  | { readonly kind: 'ok'; readonly revisions: readonly number[]; readonly positions: readonly string[] }
  /** A definite refusal (a wrong expected revision): the attempt wrote nothing. */
  | { readonly kind: 'fail'; readonly error: string }
  /** The answer was lost (connection cut, backend terminated): the attempt may or may not have written. */
  | { readonly kind: 'indeterminate'; readonly error: string };

/**
 * One attempt of one logical operation. Retries of an indeterminate attempt are further attempts
 * of the same operation, with the same stream, event ids, content and expected revision.
 * Times are milliseconds on one monotonic clock (`performance.now()` of the recording process).
 */
export interface Attempt {
  /** The logical operation; every event of it carries `{ op, n }` in its data. */
  readonly op: string;
  readonly attempt: number;
  readonly client: number;
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly expected: Expected;
  readonly invokedAt: number;
  readonly completedAt: number;
  readonly outcome: Outcome;
}

/** An event as the store holds it after the run, read straight from its table. */
export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  /** From the event's data: the logical operation and the event's index in it (absent for foreign events). */
  readonly op?: string;
  readonly n?: number;
}

/** What the catch-up reader was handed, in the order it was handed it. */
export interface Delivery {
  readonly eventId: string;
  readonly position: string;
}

export interface CatchUpReading {
  /** The checkpoint the reader started after (`null`: the start of the store). */
  readonly after: string | null;
  readonly deliveries: readonly Delivery[];
}

/** Rows of a projection, each rendered as one line; compared as multisets. */
export interface ProjectionRows {
  readonly live: readonly string[];
  readonly rebuilt: readonly string[];
}

export const ANOMALY_KINDS = [
  /** An acknowledged event is not stored. */
  'lost',
  /** An event id stored twice, or one logical event stored under two ids. */
  'duplicated',
  /** A definitely refused append whose events are stored anyway. */
  'failed-append-stored',
  /** A stream's revisions are not 0, 1, 2, … without gap or repeat. */
  'revisions-not-contiguous',
  /** An append acknowledged before another was invoked does not have the lower positions. */
  'real-time-order',
  /** An `ok` answer whose stream, revisions or positions are not what is stored. */
  'answer-mismatch',
  /** A stored event the catch-up reader never delivered. */
  'reader-skipped',
  /** An event the catch-up reader delivered twice. */
  'reader-repeated',
  /** A delivery whose position is not above the previous one. */
  'reader-out-of-order',
  /** A delivery of an event that is not stored. */
  'reader-invented',
  /** A projection row that a clean rebuild does not have, or the other way round. */
  'projection-differs',
] as const;

export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

export interface CheckResult {
  /** Anomalies found, by kind (every kind present, 0 when none). */
  readonly counts: Readonly<Record<AnomalyKind, number>>;
  /** Up to a few examples of each kind found, in words. */
  readonly examples: Readonly<Partial<Record<AnomalyKind, readonly string[]>>>;
  readonly total: number;
  /** The logical operations by final outcome, and the stored events the checker looked at. */
  readonly operations: { readonly ok: number; readonly failed: number; readonly indeterminate: number };
  readonly eventsChecked: number;
}
