import { ChainBreak, ChainLink, EventStore, GENESIS_HASH, linkBreak, SealCheck, storedHashOf } from '@ree/event-store';

/** Why a stream's chain is broken: a link that does not hold, or no event where the stream should have one. */
export type StreamBreak = ChainBreak;

/** One stream's chain as checked: a `streams[]` entry of docs/api.md, "Audit", plus where a sliced check goes on. */
export interface StreamIntegrity {
  readonly streamId: string;
  /** The events checked (the whole stream unless the check was sliced). */
  readonly events: number;
  /** The stored hash of the last event checked; 64 zeros when none was. */
  readonly headHash: string;
  /** The first revision whose link does not hold: changed, missing (a deleted row) or out of place. */
  readonly firstBrokenRevision?: number;
  /** Why that revision's link does not hold (hash-chain.ts `LinkBreak`, or `no-events`). */
  readonly reason?: StreamBreak;
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
  /** Checks each link's seal too (chain-seal.ts `sealChecker`); without it only the public chain is checked. */
  readonly sealHolds?: SealCheck;
}

export const DEFAULT_PAGE_SIZE = 1000;

interface Break {
  readonly revision: number;
  readonly reason: StreamBreak;
}

/**
 * Where the chain starts for a check from `fromRevision`: the stored hash of the event before it,
 * or a break at that revision when it is missing.
 */
async function chainStart(store: EventStore, streamId: string, fromRevision: number): Promise<{ prevHash: string; broken?: Break }> {
  if (fromRevision === 0) return { prevHash: GENESIS_HASH };
  const [before] = await store.readStream(streamId, { fromRevision: fromRevision - 1, maxCount: 1, raw: true });
  return before?.revision === fromRevision - 1
    ? { prevHash: storedHashOf(before) }
    : { prevHash: GENESIS_HASH, broken: { revision: fromRevision - 1, reason: 'revision-gap' } };
}

/**
 * Recomputes a stream's hash chain from its stored (raw) events, page by page, with the event
 * store's own `linkBreak`: each event must sit at the next revision (0, 1, 2, …), name the hash
 * of the one before, hash (its whole envelope) to what it stores and, with `sealHolds`, carry a
 * seal of a known key. Reading goes on past a break, so that the count and the head are the
 * stream's; the first break is the one named, with its reason. A row edited by hand into any
 * shape is a break (`malformed`), never an exception. A stream with no event at all is broken at
 * revision 0 (`no-events`): the caller asks only about streams that should have events.
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
      const reason = broken === undefined ? linkBreak(event as ChainLink, expected, prevHash, options.sealHolds) : null;
      if (reason !== null) broken = { revision: expected, reason };
      prevHash = storedHashOf(event);
      headHash = prevHash;
      next = event.revision + 1;
      events += 1;
    }
    if (page.length > 0) options.onProgress?.(streamId, events);
    if (page.length < wanted) break;
  }
  if (events === 0 && fromRevision === 0) broken = { revision: 0, reason: 'no-events' };
  const more = events >= maxCount && (await store.readStream(streamId, { fromRevision: next, maxCount: 1, raw: true })).length > 0;
  return {
    streamId,
    events,
    headHash,
    ...(broken !== undefined && { firstBrokenRevision: broken.revision, reason: broken.reason }),
    ...(more && { nextRevision: next }),
  };
}
