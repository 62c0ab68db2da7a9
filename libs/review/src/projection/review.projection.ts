import { Inject, Injectable, Optional } from '@nestjs/common';
import { CONSIGNMENT_EVENT_TYPES } from '@ree/consignment';
import type { BlueGreen, Projection } from '@ree/event-store';
import { LICENCE_EVENT_TYPES } from '@ree/licensing';
import { APP_CONFIG } from '@ree/platform';
import { MINE_EVENT_TYPES } from '@ree/registry';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { EntityManager } from 'typeorm';
import type { FlagPolicy } from '../flags';
import { configuredFlagPolicy, type FlagPolicyConfig } from './configured-flag-policy';
import { keysOf, ReviewBatch } from './review-batch';
import { ReviewTables } from './review-tables';

/** The projection's name: its checkpoint, its lock, and what `X-Min-Position` waits for. */
export const REVIEW_PROJECTION = 'review.consignments';

/** The schema that holds every table of the review read model (infra/migrations/1764300005000-review.ts). */
export const REVIEW_SCHEMA = 'review';

/** A DI token that nothing provides: the worker's instance writes to {@link REVIEW_SCHEMA}; `inSchema` names another. */
const REVIEW_SCHEMA_OVERRIDE = Symbol('ReviewSchemaOverride');

/** What the review document is folded from: the consignments' streams and those they draw on. */
export const REVIEW_EVENT_TYPES: readonly string[] = [...CONSIGNMENT_EVENT_TYPES, ...LICENCE_EVENT_TYPES, ...MINE_EVENT_TYPES];

/**
 * Keeps schema `review` equal to the pure review fold: one row per consignment with docs/api.md's
 * review document and the search and statistics columns, one row per red flag it raised, and
 * what it needs between events (each licence's fold, which consignments hold it, mine names).
 * A batch loads every row its events touch with one query per table, folds in memory and writes
 * back with one statement per table. Idempotent by positions and revisions; blue/green by schema.
 */
@Injectable()
export class ReviewProjection implements Projection {
  readonly name = REVIEW_PROJECTION;
  readonly eventTypes = REVIEW_EVENT_TYPES;
  readonly blueGreen: BlueGreen;
  private readonly policy: FlagPolicy;
  private readonly tables: ReviewTables;

  constructor(
    @Inject(APP_CONFIG) private readonly config: FlagPolicyConfig,
    @Optional() @Inject(REVIEW_SCHEMA_OVERRIDE) schema: string = REVIEW_SCHEMA,
  ) {
    this.policy = configuredFlagPolicy(config);
    this.tables = new ReviewTables(schema);
    this.blueGreen = { schema, inSchema: (copy: string) => new ReviewProjection(this.config, copy) };
  }

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    if (events.length === 0) return;
    // A read model is rebuilt from the events, and its rows and checkpoint commit together: a commit lost in a crash
    // is replayed, so this transaction need not wait for its WAL to reach the disk (some milliseconds per batch).
    await tx.query(`SET LOCAL synchronous_commit = off`);
    const loaded = await this.tables.load(tx, keysOf(events));
    const batch = new ReviewBatch(loaded.rows, this.policy);
    for (const event of events) batch.apply(event);
    await this.tables.save(tx, loaded, batch.changed);
  }

  async reset(tx: EntityManager): Promise<void> {
    await this.tables.truncate(tx);
  }
}

/** The review context's projections, for the worker's projector. */
export const REVIEW_PROJECTIONS = [ReviewProjection] as const;
