import { Inject, Injectable, Optional } from '@nestjs/common';
import { CONSIGNMENT_EVENT_TYPES } from '@ree/consignment';
import { FoldingProjection, type BlueGreen, type FoldingReadModel } from '@ree/event-store';
import { LICENCE_EVENT_TYPES } from '@ree/licensing';
import { APP_CONFIG } from '@ree/platform/config';
import { MINE_EVENT_TYPES } from '@ree/registry';
import type { FlagPolicy } from '../flags';
import { configuredFlagPolicy, type FlagPolicyConfig } from './configured-flag-policy';
import { keysOf, ReviewBatch } from './review-batch';
import { ReviewTables, type LoadedRows } from './review-tables';

/** The projection's name: its checkpoint, its lock, and what `X-Min-Position` waits for. */
export const REVIEW_PROJECTION = 'review.consignments';
/** The schema that holds every table of the review read model (infra/migrations/1764300005000-review.ts). */
export const REVIEW_SCHEMA = 'review';
/** A DI token that nothing provides: the worker's instance writes to {@link REVIEW_SCHEMA}; `inSchema` names another. */
const REVIEW_SCHEMA_OVERRIDE = Symbol('ReviewSchemaOverride');

/** What the review document is folded from: the consignments' streams and those they draw on. */
export const REVIEW_EVENT_TYPES: readonly string[] = [...CONSIGNMENT_EVENT_TYPES, ...LICENCE_EVENT_TYPES, ...MINE_EVENT_TYPES];

/** One batch of the review: the rows it loaded and the fold over them. */
interface ReviewFold {
  readonly loaded: LoadedRows;
  readonly batch: ReviewBatch;
}

/** The review's read model in the one shape: load the rows the batch touches, fold with `evolveReview`, upsert. */
const reviewReadModel = (tables: ReviewTables, policy: FlagPolicy): FoldingReadModel<ReviewFold> => ({
  load: async (events, tx) => {
    const loaded = await tables.load(tx, keysOf(events));
    return { loaded, batch: new ReviewBatch(loaded.rows, policy) };
  },
  fold: ({ batch }, event) => batch.apply(event),
  save: ({ loaded, batch }, tx) => tables.save(tx, loaded, batch.changed),
  reset: (tx) => tables.truncate(tx),
});

/**
 * Keeps schema `review` equal to the pure review fold: one row per consignment with docs/api.md's
 * review document and the search and statistics columns, one row per red flag it raised, and
 * what it needs between events (each licence's fold, which consignments hold it, mine names).
 * A batch loads every row its events touch with one query per table, folds in memory and writes
 * back with one statement per table. Idempotent by positions and revisions; blue/green by schema.
 */
@Injectable()
export class ReviewProjection extends FoldingProjection<ReviewFold> {
  declare readonly blueGreen: BlueGreen;

  constructor(
    @Inject(APP_CONFIG) config: FlagPolicyConfig,
    @Optional() @Inject(REVIEW_SCHEMA_OVERRIDE) schema: string = REVIEW_SCHEMA,
  ) {
    super(reviewReadModel(new ReviewTables(schema), configuredFlagPolicy(config)), {
      name: REVIEW_PROJECTION,
      eventTypes: REVIEW_EVENT_TYPES,
      // A read model is rebuilt from the events, and its rows and checkpoint commit together: a commit lost in a crash
      // is replayed, so a batch need not wait for its WAL to reach the disk (some milliseconds per batch).
      relaxedCommit: true,
      blueGreen: { schema, inSchema: (copy: string) => new ReviewProjection(config, copy) },
    });
  }
}

/** The review context's projections, for the worker's projector. */
export const REVIEW_PROJECTIONS = [ReviewProjection] as const;
