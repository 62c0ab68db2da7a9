/** Resolves after `ms`, or at once when `signal` aborts: a stopping projector never waits out a back-off. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential back-off: `initialMs`, twice that, … capped at `maxMs`. `attempt` starts at 1. */
export function backoffDelay(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
}

/**
 * "Full jitter": a delay drawn evenly from 0 to `ceilingMs` (a {@link backoffDelay}). Writers that
 * collided once then spread over the whole interval instead of colliding again in lock-step.
 */
export function jitteredDelay(ceilingMs: number, random: () => number = Math.random): number {
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceilingMs);
}
