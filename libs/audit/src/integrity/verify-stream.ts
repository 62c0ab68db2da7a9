import { ChainLink, EventStore, GENESIS_HASH, linkHolds, RecordedEvent } from '@ree/event-store';

/** One stream's chain as checked: API.md's `streams[]` entry, plus where a sliced check goes on. */
export interface StreamIntegrity {
  readonly streamId: string;
  /** The events checked (the whole stream unless the check was sliced). */
  readonly events: number;
  /** The stored hash of the last event checked; 64 zeros when none was. */
  readonly headHash: string;
  /** The first revision whose link does not hold: changed, missing (a deleted row) or out of place. */
  readonly firstBrokenRevision?: number;
  /** Set when the slice stopped at `maxCount` with more events after: where the next slice starts. */
  readonly nextRevision?: number;
}

export interface VerifyStreamOptions {
  /** Start here instead of revision 0; the first link is checked against the stored hash of the event before. */
  readonly fromRevision?: number;
  /** Check at most this many events. */
  readonly maxCount?: number;
  /** Events read per query, so that a long stream is never held in memory whole. */
  readonly pageSize?: number;
  /** Called after each page with the events checked so far. */
  readonly onProgress?: (streamId: string, events: number) => void;
}

export const DEFAULT_PAGE_SIZE = 1000;

const storedHash = (event: RecordedEvent): string => {
  const hash = (event.metadata as Partial<RecordedEvent['metadata']> | null)?.hash;
  return typeof hash === 'string' ? hash : '';
};

/**
 * Where the chain starts for a check from `fromRevision`: the stored hash of the event before it,
 * or a break at that revision when it is missing.
 */
async function chainStart(store: EventStore, streamId: string, fromRevision: number): Promise<{ prevHash: string; broken?: number }> {
  if (fromRevision === 0) return { prevHash: GENESIS_HASH };
  const [before] = await store.readStream(streamId, { fromRevision: fromRevision - 1, maxCount: 1, raw: true });
  return before?.revision === fromRevision - 1 ? { prevHash: storedHash(before) } : { prevHash: GENESIS_HASH, broken: fromRevision - 1 };
}

/**
 * Recomputes a stream's hash chain from its stored (raw) events, page by page, with the event
 * store's own `linkHolds`: each event must sit at the next revision (0, 1, 2, …), name the hash
 * of the one before, and hash to what it stores. Reading goes on past a break, so that the count
 * and the head are the stream's; the first break is the one named. A stream with no event at all
 * (every row deleted) is broken at revision 0.
 */
export async function verifyStream(store: EventStore, streamId: string, options: VerifyStreamOptions = {}): Promise<StreamIntegrity> {
  const fromRevision = options.fromRevision ?? 0;
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let { prevHash, broken } = await chainStart(store, streamId, fromRevision);
  let events = 0;
  let next = fromRevision;
  let headHash = GENESIS_HASH;
  while (events < maxCount) {
    const wanted = Math.min(pageSize, maxCount - events);
    const page = await store.readStream(streamId, { fromRevision: next, maxCount: wanted, raw: true });
    for (const event of page) {
      const expected = fromRevision + events;
      if (broken === undefined && !linkHolds(event as ChainLink, expected, prevHash)) broken = expected;
      prevHash = storedHash(event);
      headHash = prevHash;
      next = event.revision + 1;
      events += 1;
    }
    if (page.length > 0) options.onProgress?.(streamId, events);
    if (page.length < wanted) break;
  }
  if (events === 0 && fromRevision === 0) broken = 0;
  const more = events >= maxCount && (await store.readStream(streamId, { fromRevision: next, maxCount: 1, raw: true })).length > 0;
  return {
    streamId,
    events,
    headHash,
    ...(broken !== undefined && { firstBrokenRevision: broken }),
    ...(more && { nextRevision: next }),
  };
}
