import { Anomalies } from './anomalies';

/** A logical operation as the real-time check sees it. */
export interface TimedOperation {
  readonly op: string;
  /** When its first attempt was invoked. */
  readonly invokedAt: number;
  /** When it was first acknowledged; undefined when never. */
  readonly acknowledgedAt?: number;
  /** The lowest and highest stored position of its events; undefined when none is stored. */
  readonly lowest?: bigint;
  readonly highest?: bigint;
}

/**
 * Real-time order (linearisability of the global order, Elle's "realtime" edges): if operation A
 * was acknowledged before operation B was first invoked, every stored event of A has a lower
 * position than every stored event of B. Sound for this store because A's transaction committed
 * before A was acknowledged, B's transaction took its id after B was invoked, transaction ids
 * grow, and a position is its transaction id shifted left (docs/decisions.md §1): an earlier
 * attempt of B that is stored still began after B's first invocation.
 *
 * One sweep: acknowledged operations by acknowledgement time, stored ones by invocation time,
 * keeping the highest position acknowledged so far; O(n log n) for a million operations.
 */
export function checkRealTimeOrder(operations: readonly TimedOperation[], anomalies: Anomalies): void {
  const acknowledged = operations
    .filter((operation) => operation.acknowledgedAt !== undefined && operation.highest !== undefined)
    .sort((a, b) => a.acknowledgedAt! - b.acknowledgedAt!);
  const stored = operations.filter((operation) => operation.lowest !== undefined).sort((a, b) => a.invokedAt - b.invokedAt);
  let next = 0;
  let highest: TimedOperation | undefined;
  for (const later of stored) {
    while (next < acknowledged.length && acknowledged[next].acknowledgedAt! < later.invokedAt) {
      const candidate = acknowledged[next++];
      if (highest === undefined || candidate.highest! > highest.highest!) highest = candidate;
    }
    if (highest !== undefined && highest.highest! >= later.lowest!) {
      const earlier = highest;
      anomalies.add(
        'real-time-order',
        () =>
          `${earlier.op} was acknowledged at ${earlier.acknowledgedAt!.toFixed(3)} ms with position ${earlier.highest}, ` +
          `but ${later.op}, invoked later at ${later.invokedAt.toFixed(3)} ms, has position ${later.lowest}`,
      );
    }
  }
}
