import { EventMetadata, RecordedEvent } from '@ree/shared-kernel';

/**
 * The columns every read selects. Position goes out as text (a bigint never passes through a
 * JavaScript number) under another name: an output column called `position` would make
 * `ORDER BY position` sort the text, and '1000…' sorts before '999…'. The time as ISO 8601 with milliseconds in UTC, exactly the string the
 * hash chain covered when the event was written; the transaction id as text, which the chain covers too.
 */
export const EVENT_COLUMNS = `position::text AS global_position, transaction_id::text AS transaction_id,
  event_id::text AS event_id, stream_id, revision, type,
  schema_version, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at`;

export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recorded_at: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.global_position,
    transactionId: row.transaction_id,
    recordedAt: row.recorded_at,
    data: row.data,
    metadata: row.metadata,
  };
}
