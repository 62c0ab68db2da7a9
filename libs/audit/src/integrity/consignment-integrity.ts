import { consignmentStreamId } from '@ree/consignment';
import type { EventStore, SealCheck } from '@ree/event-store';
import { NotFound } from '@ree/shared-kernel';
import { streamsDrawnOn } from '../consignment-streams';
import { StreamIntegrity, verifyStream } from './verify-stream';

/**
 * Which part of the chains to check: everything by default. A client that shows progress on long
 * streams checks `maxCount` events at a time and goes on from each stream's `nextRevision`.
 */
export interface IntegritySlice {
  /** Only this one of the consignment's streams. */
  readonly stream?: string;
  /** With `stream`: start at this revision. */
  readonly fromRevision?: number;
  /** At most this many events per stream. */
  readonly maxCount?: number;
}

/** The integrity answer of docs/api.md, "Audit": `valid` when no stream checked has a broken link. */
export interface ConsignmentIntegrity {
  readonly valid: boolean;
  readonly streams: readonly StreamIntegrity[];
}

export interface IntegrityOptions {
  /** Checks every link's seal too (the service's keys); without it only the public chain is checked. */
  readonly sealHolds?: SealCheck;
  readonly onProgress?: (streamId: string, events: number) => void;
}

/**
 * The 404 of a consignment with no stored event: never registered, or every event of it deleted.
 * The chain cannot tell the two apart; an anchor taken while it had events can.
 */
export function noEventsOf(consignmentId: string): NotFound {
  const notFound = new NotFound('Consignment', consignmentId);
  notFound.message =
    `Consignment ${consignmentId} has no stored event: it was never registered, or every event of it was deleted. ` +
    'The chain alone cannot tell which; an anchor check can (POST /audit/anchors/{anchorId}/check with the latest anchor)';
  return notFound;
}

/**
 * Recomputes the hash chain of every stream the consignment touches: its own, then those it drew
 * on (its licence, its mines), one after the other so that a check holds one connection at a time.
 * The streams drawn on are read from the consignment's events (upcast, as the folds read them),
 * defensively: a row edited by hand is the chain's finding, never an exception.
 */
export async function checkConsignmentIntegrity(
  store: EventStore,
  consignmentId: string,
  slice: IntegritySlice = {},
  options: IntegrityOptions = {},
): Promise<ConsignmentIntegrity> {
  const own = consignmentStreamId(consignmentId);
  const ownEvents = await store.readStream(own);
  if (ownEvents.length === 0) throw noEventsOf(consignmentId);
  const streams = [own, ...streamsDrawnOn(ownEvents)];
  if (slice.stream !== undefined && !streams.includes(slice.stream)) {
    throw new NotFound('Stream', `${slice.stream} of consignment ${consignmentId}`);
  }
  const results: StreamIntegrity[] = [];
  for (const streamId of slice.stream === undefined ? streams : [slice.stream]) {
    const { sealHolds, onProgress } = options;
    results.push(await verifyStream(store, streamId, { fromRevision: slice.fromRevision, maxCount: slice.maxCount, onProgress, sealHolds }));
  }
  return { valid: results.every((result) => result.firstBrokenRevision === undefined), streams: results };
}
