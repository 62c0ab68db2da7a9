import type { Projection } from '@ree/event-store';
import type { RecordedEvent } from '@ree/shared-kernel';
import { createTestSchema } from '@ree/testing';
import type { EntityManager } from 'typeorm';

export const HISTORY_EVENT_TYPE = 'HistoryAppended';

/**
 * The history run's read model, in a schema of its own: one row per event (its stream, revision
 * and position) and one per stream (its last revision, position and event). Written with upserts
 * that only move forwards, so that a batch delivered twice changes nothing. The checker compares
 * it with a clean rebuild into another schema.
 */
export class HistoryProjection implements Projection {
  readonly eventTypes = [HISTORY_EVENT_TYPE];

  constructor(
    readonly name: string,
    readonly schema: string,
  ) {}

  async createTables(tx: Pick<EntityManager, 'query'>): Promise<void> {
    await createTestSchema(tx, this.schema);
    await tx.query(`CREATE TABLE ${this.schema}.events (event_id uuid PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL, position bigint NOT NULL)`);
    await tx.query(`CREATE TABLE ${this.schema}.streams (stream_id text PRIMARY KEY, last_revision int NOT NULL, last_position bigint NOT NULL, last_event_id uuid NOT NULL)`);
  }

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const columns = {
      ids: events.map((event) => event.eventId),
      streams: events.map((event) => event.streamId),
      revisions: events.map((event) => event.revision),
      positions: events.map((event) => event.position),
    };
    await tx.query(
      `INSERT INTO ${this.schema}.events (event_id, stream_id, revision, position)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[]) ON CONFLICT (event_id) DO NOTHING`,
      [columns.ids, columns.streams, columns.revisions, columns.positions],
    );
    await tx.query(
      `INSERT INTO ${this.schema}.streams AS s (stream_id, last_revision, last_position, last_event_id)
       SELECT DISTINCT ON (stream_id) stream_id, revision, position, event_id
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::bigint[]) AS e(event_id, stream_id, revision, position)
        ORDER BY stream_id, revision DESC
       ON CONFLICT (stream_id) DO UPDATE SET last_revision = EXCLUDED.last_revision, last_position = EXCLUDED.last_position,
         last_event_id = EXCLUDED.last_event_id WHERE s.last_revision < EXCLUDED.last_revision`,
      [columns.ids, columns.streams, columns.revisions, columns.positions],
    );
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE ${this.schema}.events, ${this.schema}.streams`);
  }

  /** Every row of both tables as a line, in a stable order. */
  async rows(db: { query(sql: string): Promise<{ rows: Array<{ line: string }> }> }): Promise<string[]> {
    const events = await db.query(`SELECT concat_ws('|', 'event', event_id, stream_id, revision, position) AS line FROM ${this.schema}.events ORDER BY position`);
    const streams = await db.query(
      `SELECT concat_ws('|', 'stream', stream_id, last_revision, last_position, last_event_id) AS line FROM ${this.schema}.streams ORDER BY stream_id`,
    );
    return [...events.rows, ...streams.rows].map((row) => row.line);
  }
}
