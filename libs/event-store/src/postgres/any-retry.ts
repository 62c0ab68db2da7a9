import { StreamContentionError } from '../errors';
import { backoffDelay, jitteredDelay, sleep } from '../projections/backoff';

/**
 * An append with expected revision `'any'` that lost the race for the stream's next revision
 * reads the head again and retries after a jittered exponential back-off (a delay drawn evenly
 * from 0 to `initialMs` × 2^(try − 1), at most `maxMs`), so that many writers of one stream spread
 * out instead of colliding in lock-step; after `maxAttempts` tries it fails with
 * `StreamContentionError`.
 */
export interface AnyRetryPolicy {
  /** Default 30. */
  readonly maxAttempts: number;
  /** Default 5 ms. */
  readonly initialMs: number;
  /** Default 500 ms. */
  readonly maxMs: number;
  /** Default `Math.random`; tests pass their own. */
  readonly random: () => number;
}

export const DEFAULT_ANY_RETRY: AnyRetryPolicy = { maxAttempts: 30, initialMs: 5, maxMs: 500, random: Math.random };

/** The pause after failed try `attempt` (from 1). */
export function anyRetryDelay(policy: AnyRetryPolicy, attempt: number): number {
  return jitteredDelay(backoffDelay(attempt, policy.initialMs, policy.maxMs), policy.random);
}

/** Waits before try `attempt + 1` of an `'any'` append on `streamId`, or gives up after the last one. */
export async function backOffOrGiveUp(policy: AnyRetryPolicy, streamId: string, attempt: number): Promise<void> {
  if (attempt >= policy.maxAttempts) throw new StreamContentionError(streamId, attempt);
  await sleep(anyRetryDelay(policy, attempt));
}
