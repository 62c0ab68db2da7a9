import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../projections/projection';

export interface ProjectedRow {
  event_id: string;
  stream_id: string;
  revision: number;
  position: string;
  value: number;
}

/**
 * A test read model: one row per event of its type, keyed by event id (so replays are idempotent).
 * It remembers every event handed to it, can fail on chosen values, and can be held at a gate.
 */
export class RowsProjection implements Projection {
  readonly eventTypes: readonly string[];
  readonly handled: string[] = [];
  failOnValue?: number;
  private gate?: Promise<void>;
  private openGate?: () => void;

  constructor(
    readonly name: string,
    private readonly table: string,
    eventType: string,
  ) {
    this.eventTypes = [eventType];
  }

  static async create(tx: EntityManager, schema: string, name: string, eventType: string): Promise<RowsProjection> {
    return new RowsProjection(name, await RowsProjection.createTable(tx, schema, name), eventType);
  }

  /** Creates the read model's table and answers its qualified name. */
  static async createTable(tx: EntityManager, schema: string, name: string): Promise<string> {
    const table = `${schema}.${name}`;
    await tx.query(`CREATE TABLE ${table} (
      event_id uuid PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL, position text NOT NULL, value int NOT NULL)`);
    return table;
  }

  /** The same read model as another instance of the deployment would run it. */
  twin(): RowsProjection {
    return new RowsProjection(this.name, this.table, this.eventTypes[0]);
  }

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    await this.gate;
    for (const event of events) {
      const { value } = event.data as { value: number };
      if (value === this.failOnValue) throw new Error(`poison event ${event.eventId}`);
      this.handled.push(event.eventId);
      await tx.query(
        `INSERT INTO ${this.table} (event_id, stream_id, revision, position, value) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (event_id) DO UPDATE SET stream_id = $2, revision = $3, position = $4, value = $5`,
        [event.eventId, event.streamId, event.revision, event.position, value],
      );
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM ${this.table}`);
  }

  /** Every later batch waits until {@link release}. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  async rows(tx: EntityManager): Promise<ProjectedRow[]> {
    return tx.query(`SELECT event_id, stream_id, revision, position, value FROM ${this.table} ORDER BY event_id`);
  }
}
