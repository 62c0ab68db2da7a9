import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';

/**
 * A read model built from events by the {@link Projector}.
 *
 * The projector hands each batch to `handle` inside a transaction and writes the projection's
 * checkpoint in that same transaction, so rows and checkpoint commit together or not at all.
 * Read models are disposable (docs/quality.md, point 6): `reset` plus a replay from the start must give
 * the same rows as the incremental build.
 */
export interface Projection {
  /**
   * Stable, unique name: the key of the checkpoint row and of the advisory lock that keeps one
   * active instance per deployment. Renaming it rebuilds the read model from the start.
   */
  readonly name: string;

  /** The event types `handle` wants; every type when omitted. Other events only move the checkpoint. */
  readonly eventTypes?: readonly string[];

  /**
   * Applies events, in global order, through `tx` (the batch's transaction; never another
   * connection). Must be idempotent: after a crash between commit and acknowledgement, or a
   * rebuild, the same events can arrive again, so write with upserts keyed by ids or positions
   * rather than increments. Throwing rolls the whole batch back; the projector retries it later.
   */
  handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;

  /** Empties the projection's tables for a rebuild, through `tx` (the same transaction that deletes the checkpoint). */
  reset(tx: EntityManager): Promise<void>;

  /**
   * Present when every table of the projection lives in one schema of its own: a rebuild then
   * fills a copy of that schema while this one keeps answering reads, and switches the two once
   * the copy has caught up (blue/green). Without it, a rebuild empties the tables in place.
   */
  readonly blueGreen?: BlueGreen;
}

/** What a blue/green rebuild needs of a projection. */
export interface BlueGreen {
  /** The schema that holds every table of the projection, and nothing else. */
  readonly schema: string;
  /** The same projection writing into `schema` instead (a copy with the same tables). */
  inSchema(schema: string): Projection;
}
