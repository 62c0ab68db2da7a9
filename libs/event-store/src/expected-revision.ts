/**
 * What the writer believes about the stream's head when it appends:
 * - `'any'`: no check;
 * - `'no-stream'`: the stream must not exist yet;
 * - `'stream-exists'`: the stream must have at least one event;
 * - a number: the revision (0-based) of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | number;

/** The revision of a stream's last event, or `null` when the stream does not exist. */
export type StreamRevision = number | null;

export function satisfies(expected: ExpectedRevision, actual: StreamRevision): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === null;
  if (expected === 'stream-exists') return actual !== null;
  return actual === expected;
}

export function describeRevision(revision: ExpectedRevision | StreamRevision): string {
  return revision === null ? 'no-stream' : String(revision);
}
