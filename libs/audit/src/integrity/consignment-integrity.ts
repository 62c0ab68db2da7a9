import { consignmentStreamId } from '@ree/consignment';
import type { EventStore } from '@ree/event-store';
import { NotFound } from '@ree/shared-kernel';
import { readConsignmentStream, streamsDrawnOn } from '../consignment-streams';
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

/** API.md's integrity answer: `valid` when no stream checked has a broken link. */
export interface ConsignmentIntegrity {
  readonly valid: boolean;
  readonly streams: readonly StreamIntegrity[];
}

/**
 * Recomputes the hash chain of every stream the consignment touches: its own, then those it drew
 * on (its licence, its mines), one after the other so that a check holds one connection at a time.
 */
export async function checkConsignmentIntegrity(
  store: EventStore,
  consignmentId: string,
  slice: IntegritySlice = {},
  onProgress?: (streamId: string, events: number) => void,
): Promise<ConsignmentIntegrity> {
  const own = consignmentStreamId(consignmentId);
  const streams = [own, ...streamsDrawnOn(await readConsignmentStream(store, consignmentId))];
  if (slice.stream !== undefined && !streams.includes(slice.stream)) {
    throw new NotFound('Stream', `${slice.stream} of consignment ${consignmentId}`);
  }
  const results: StreamIntegrity[] = [];
  for (const streamId of slice.stream === undefined ? streams : [slice.stream]) {
    results.push(await verifyStream(store, streamId, { fromRevision: slice.fromRevision, maxCount: slice.maxCount, onProgress }));
  }
  return { valid: results.every((result) => result.firstBrokenRevision === undefined), streams: results };
}
