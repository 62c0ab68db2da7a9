import { ClientBase } from 'pg';
import type { SealKey } from '../chain-seal';
import { NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { insertEvents } from '../postgres/append-statement';
import { prepareAppend, StreamHead } from '../prepare-append';

/**
 * Test support: appends after `head` on the caller's client, inside whatever transaction the
 * caller holds open, with the PostgreSQL adapter's own statements but without the
 * expected-revision check, the retry or the head cache. The ordering proof
 * (test/reliability/global-order.int-spec.ts) uses it to hold transactions open on purpose.
 * Application code calls `PostgresEventStore.appendToStream`.
 */
export async function appendWithClient(
  client: ClientBase,
  streamId: string,
  head: StreamHead | null,
  events: readonly NewEvent[],
  recordedAt: Date = new Date(),
  seal?: SealKey,
): Promise<RecordedEvent[]> {
  return insertEvents(client, head, prepareAppend(streamId, head, events, recordedAt.toISOString()), seal);
}
