/**
 * The one poller of the tests (docs/decisions.md, 26): a test waits on a condition it can observe (a
 * checkpoint, a row, a readable position, an answer), never on a bare sleep, and gives up after a ceiling
 * far above any quiet wait, saying what it waited for.
 */
export interface Patience {
  /** The ceiling: 60 s unless the test states its own. */
  readonly timeoutMs?: number;
  /** The pause between two looks: 20 ms unless stated. */
  readonly intervalMs?: number;
  /** What is awaited, for the failure's message. */
  readonly what?: string;
}

export const EVENTUALLY_CEILING_MS = 60_000;

/** Resolves once `condition` holds. A number is the ceiling in milliseconds. */
export function eventually(condition: () => boolean | Promise<boolean>, patience?: Patience | number): Promise<void>;
/** Reads until `until` holds for the value read, and resolves with that value. */
export function eventually<T>(read: () => T | Promise<T>, until: (value: T) => boolean, patience?: Patience | number): Promise<T>;
export async function eventually<T>(
  read: () => T | Promise<T>,
  untilOrPatience?: ((value: T) => boolean) | Patience | number,
  lastPatience?: Patience | number,
): Promise<T | void> {
  const until = typeof untilOrPatience === 'function' ? untilOrPatience : (value: T) => value === true;
  const given = typeof untilOrPatience === 'function' ? lastPatience : untilOrPatience;
  const patience: Patience = typeof given === 'number' ? { timeoutMs: given } : (given ?? {});
  const timeoutMs = patience.timeoutMs ?? EVENTUALLY_CEILING_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value)) return typeof untilOrPatience === 'function' ? value : undefined;
    if (Date.now() > deadline) {
      const what = patience.what ?? read.toString();
      throw new Error(`Not within ${timeoutMs} ms: ${what}; last value ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, patience.intervalMs ?? 20));
  }
}

/** Resolves once the store's readers see `position` (the readable horizon, docs/decisions.md 21, may hold it back). */
export function untilReadable(store: { headPosition(): Promise<string | null> }, position: string): Promise<void> {
  return eventually(
    async () => {
      const head = await store.headPosition();
      return head !== null && BigInt(head) >= BigInt(position);
    },
    { what: `position ${position} readable` },
  );
}
