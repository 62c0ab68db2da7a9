import type { DomainEvent, RecordedEvent, StreamType } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { BlueGreen, Projection } from './projection';

/**
 * A read model kept as the fold of the domain's own `evolve`: the one shape of every projection
 * here. A batch loads every row its events touch (one query per table), folds the events into
 * them in memory, in global order, and upserts what changed (one statement per table). A row
 * holds the domain's state, or is rebuilt from it losslessly, so the read model cannot say what
 * the decider would not: there is no second, SQL-shaped copy of the rules.
 */
export interface FoldingReadModel<Batch> {
  /** Loads every row the events touch, as the batch to fold into. */
  load(events: readonly RecordedEvent[], tx: EntityManager): Promise<Batch>;
  /** Folds one event into the loaded rows, in memory; an event a row has already seen leaves it as it is (idempotence). */
  fold(batch: Batch, event: RecordedEvent): void;
  /** Upserts the rows the batch changed. */
  save(batch: Batch, tx: EntityManager): Promise<void>;
  /** Empties the read model's tables (through the rebuild's transaction). */
  reset(tx: EntityManager): Promise<void>;
}

export interface FoldingProjectionOptions {
  readonly name: string;
  readonly eventTypes?: readonly string[];
  readonly blueGreen?: BlueGreen;
  /**
   * The batch's commit need not wait for its WAL (`synchronous_commit = off`): rows and checkpoint commit together,
   * so a commit lost in a crash is replayed. For read models whose batches are many and heavy (the review's).
   */
  readonly relaxedCommit?: boolean;
}

/** A {@link Projection} of the one shape: load, fold, upsert. */
export class FoldingProjection<Batch> implements Projection {
  readonly name: string;
  readonly eventTypes?: readonly string[];
  readonly blueGreen?: BlueGreen;

  constructor(
    private readonly model: FoldingReadModel<Batch>,
    private readonly options: FoldingProjectionOptions,
  ) {
    this.name = options.name;
    this.eventTypes = options.eventTypes;
    this.blueGreen = options.blueGreen;
  }

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    if (events.length === 0) return;
    if (this.options.relaxedCommit) await tx.query(`SET LOCAL synchronous_commit = off`);
    const batch = await this.model.load(events, tx);
    for (const event of events) this.model.fold(batch, event);
    await this.model.save(batch, tx);
  }

  reset(tx: EntityManager): Promise<void> {
    return this.model.reset(tx);
  }
}

/**
 * The common case of the shape: one row per stream of one type (a licence, a mine), the row the
 * fold of that stream's events. `evolve` wraps the domain's evolve and keeps beside the state
 * what the read model shows of the envelopes (when, at which position).
 */
export interface StreamRows<Event extends DomainEvent, Row> {
  readonly stream: StreamType<Event>;
  /** The row of an entity before its first event. */
  initial(entityId: string): Row;
  /** Whether the row has already folded the event (a replayed batch, a rebuild's overlap). */
  applied(row: Row, event: RecordedEvent & Event): boolean;
  evolve(row: Row, event: RecordedEvent & Event): Row;
  /** The stored rows of these entities; an entity without a row is left out. */
  load(entityIds: readonly string[], tx: EntityManager): Promise<Map<string, Row>>;
  /**
   * Upserts the rows the batch changed. Each comes with the row as loaded (null when it had none): rows are
   * immutable and evolve copies only what an event changes, so a part that is the same object as before is
   * unchanged and need not be written again (a mine's thousand draws when one is added).
   */
  save(changes: ReadonlyArray<RowChange<Row>>, tx: EntityManager): Promise<void>;
  reset(tx: EntityManager): Promise<void>;
}

/** One row a batch changed: as loaded (null when it had none) and as folded. */
export interface RowChange<Row> {
  readonly before: Row | null;
  readonly after: Row;
}

/** The rows of one batch of {@link streamRows}: as loaded, as folded so far, and the ids of those the batch changed. */
export interface StreamBatch<Row> {
  readonly loaded: ReadonlyMap<string, Row>;
  readonly rows: Map<string, Row>;
  readonly changed: Set<string>;
}

/** The folding read model of one row per stream: events of other streams, or of types the stream does not declare, pass by. */
export function streamRows<Event extends DomainEvent, Row>(rows: StreamRows<Event, Row>): FoldingReadModel<StreamBatch<Row>> {
  const { stream } = rows;
  return {
    load: async (events, tx) => {
      const ids = new Set(events.filter((event) => stream.holds(event)).map((event) => stream.entityIdOf(event.streamId)));
      const loaded = ids.size === 0 ? new Map<string, Row>() : await rows.load([...ids], tx);
      return { loaded, rows: new Map(loaded), changed: new Set() };
    },
    fold: (batch, event) => {
      if (!stream.holds(event)) return;
      const id = stream.entityIdOf(event.streamId);
      const row = batch.rows.get(id) ?? rows.initial(id);
      if (rows.applied(row, event)) return;
      batch.rows.set(id, rows.evolve(row, event));
      batch.changed.add(id);
    },
    save: async (batch, tx) => {
      if (batch.changed.size === 0) return;
      await rows.save([...batch.changed].map((id) => ({ before: batch.loaded.get(id) ?? null, after: batch.rows.get(id)! })), tx);
    },
    reset: (tx) => rows.reset(tx),
  };
}
