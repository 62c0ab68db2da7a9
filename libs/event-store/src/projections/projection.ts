import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../event';

/**
 * A read model built from events by the {@link Projector}.
 *
 * The projector hands each batch to `handle` inside a transaction and writes the projection's
 * checkpoint in that same transaction, so rows and checkpoint commit together or not at all.
 * Read models are disposable (STYLE.md point 6): `reset` plus a replay from the start must give
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
}
