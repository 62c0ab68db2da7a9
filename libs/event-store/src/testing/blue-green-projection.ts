import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { BlueGreen, Projection } from '../projections/projection';
import { createReadModelSchema } from './schema-harness';

/** What every instance of one test projection shares: whether the copies' batches are held back. */
interface Shared {
  held: boolean;
  copyBatches: number;
}

/**
 * A test read model in a schema of its own, rebuildable blue/green: `items` (one row per event,
 * with an identity column, a named primary key, a unique constraint, a check and a partial
 * index, all under names LIKE would not make up) and `totals` (per stream, the last revision and
 * value, written only forwards, so replays are idempotent).
 */
export class BlueGreenRowsProjection implements Projection {
  readonly eventTypes: readonly string[];
  readonly blueGreen: BlueGreen;

  constructor(
    readonly name: string,
    readonly schema: string,
    eventType: string,
    private readonly shared: Shared = { held: false, copyBatches: 0 },
    private readonly liveSchema = schema,
  ) {
    this.eventTypes = [eventType];
    this.blueGreen = {
      schema,
      inSchema: (copy) => new BlueGreenRowsProjection(name, copy, eventType, shared, liveSchema),
    };
  }

  /** Creates the schema and its tables as `owner` (the owner's connection: the application role may not). */
  static async createTables(owner: Pick<EntityManager, 'query'>, schema: string): Promise<void> {
    const tx = owner;
    await createReadModelSchema(owner, schema, { blueGreen: true });
    await tx.query(`CREATE TABLE ${schema}.items (
      seq bigint GENERATED ALWAYS AS IDENTITY,
      event_id uuid CONSTRAINT items_identified_by_event PRIMARY KEY,
      stream_id text NOT NULL,
      revision int NOT NULL,
      value int NOT NULL CONSTRAINT items_value_known CHECK (value > -1000),
      CONSTRAINT items_one_per_revision UNIQUE (stream_id, revision))`);
    await tx.query(`CREATE INDEX items_large_values ON ${schema}.items (value DESC) WHERE value > 2`);
    await tx.query(`COMMENT ON TABLE ${schema}.items IS 'one row per event'`);
    await tx.query(`CREATE TABLE ${schema}.totals (
      stream_id text CONSTRAINT totals_by_stream PRIMARY KEY, last_revision int NOT NULL, last_value int NOT NULL)`);
  }

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    if (this.schema !== this.liveSchema) {
      this.shared.copyBatches++;
      // Failing, not waiting: a batch waiting inside its transaction would hold back every reader of the store.
      if (this.shared.held) throw new Error('the test holds the copy back');
    }
    for (const event of events) {
      const { value } = event.data as { value: number };
      await tx.query(
        `INSERT INTO ${this.schema}.items (event_id, stream_id, revision, value) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id) DO NOTHING`,
        [event.eventId, event.streamId, event.revision, value],
      );
      await tx.query(
        `INSERT INTO ${this.schema}.totals (stream_id, last_revision, last_value) VALUES ($1, $2, $3)
         ON CONFLICT (stream_id) DO UPDATE SET last_revision = $2, last_value = $3 WHERE totals.last_revision < $2`,
        [event.streamId, event.revision, value],
      );
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`TRUNCATE ${this.schema}.items, ${this.schema}.totals`);
  }

  /** Every later batch of a copy fails (and is retried) until {@link releaseCopies}; the live projection goes on. */
  holdCopies(): void {
    this.shared.held = true;
  }

  releaseCopies(): void {
    this.shared.held = false;
  }

  get copyBatches(): number {
    return this.shared.copyBatches;
  }

  /** Every row of both tables, identity column left out (it numbers rows in arrival order, which a replay may change). */
  async rows(tx: EntityManager, schema = this.schema): Promise<{ items: unknown[]; totals: unknown[] }> {
    return {
      items: await tx.query(`SELECT event_id, stream_id, revision, value FROM ${schema}.items ORDER BY event_id`),
      totals: await tx.query(`SELECT stream_id, last_revision, last_value FROM ${schema}.totals ORDER BY stream_id`),
    };
  }
}

/** Index and constraint names and definitions of a schema, with the schema's name taken out. */
export async function namedObjectsOf(tx: EntityManager, schema: string): Promise<string[]> {
  const indexes: Array<{ line: string }> = await tx.query(
    `SELECT replace(indexdef, $1 || '.', '') AS line FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname`,
    [schema],
  );
  const constraints: Array<{ line: string }> = await tx.query(
    `SELECT t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 ORDER BY 1`,
    [schema],
  );
  return [...indexes, ...constraints].map((row) => row.line);
}
