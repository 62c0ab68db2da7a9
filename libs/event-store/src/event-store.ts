import { NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { ExpectedRevision } from './expected-revision';

/**
 * An opaque point in the global order, owned by the adapter that produced it. Callers store it
 * as text and hand it back; only {@link EventStore.comparePositions} interprets it. On every
 * adapter a checkpoint is the `position` of the last event delivered.
 */
export type Checkpoint = string;

export interface AppendOptions {
  /** Defaults to `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append: the next expected revision. */
  readonly nextExpectedRevision: number;
  /** The global position of the last appended event. */
  readonly position: string;
  /** The stored events, in order. */
  readonly events: readonly RecordedEvent[];
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive, 0-based). Defaults to 0. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
  /** Read the events as stored, without upcasting (the integrity check needs this). */
  readonly raw?: boolean;
}

export interface ReadAllOptions {
  /** Read the events after this checkpoint; from the start when omitted. */
  readonly after?: Checkpoint | null;
  readonly maxCount?: number;
  readonly raw?: boolean;
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /** Where the next read continues: the last event's position, or `after` when nothing came. */
  readonly checkpoint: Checkpoint | null;
}

/** Receives events in global order, one batch at a time; the next batch waits for this one. */
export type SubscriptionHandler = (events: readonly RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;

export interface SubscribeOptions {
  readonly after?: Checkpoint | null;
  /** Events per read, and so per handler call. Default 500. */
  readonly batchSize?: number;
  /**
   * Events per read until a read brings fewer (the subscription has caught up with the store);
   * `batchSize` from then on. For a replay from the start, whose batches nobody waits for one by
   * one, while live batches stay small. Default: `batchSize` throughout.
   */
  readonly catchUpBatchSize?: number;
  readonly handler: SubscriptionHandler;
  /** Called when the handler or the store fails; the subscription retries from its last checkpoint. */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the subscription has delivered everything committed when it was called. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The event store port. Streams are append-only sequences of events with 0-based revisions;
 * every stored event also has a global position. Adapters: PostgreSQL (default), EventStoreDB,
 * and in-memory for tests. `contract/event-store.contract.ts` is the suite every adapter passes.
 */
export interface EventStore {
  /**
   * Appends all events or none. Fails with `WrongExpectedRevisionError` (carrying the actual
   * revision) when the stream's head is not the expected one. Re-appending the same event ids
   * with the same expected revision writes nothing and answers like the first append.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;

  /** The stream's events in revision order; empty when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream after a checkpoint, in global order. Never skips a late commit. */
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;

  /** Catches up from a checkpoint, then follows new events live. */
  subscribeToAll(options: SubscribeOptions): Subscription;

  /** The position of the last committed event, or `null` for an empty store. */
  headPosition(): Promise<string | null>;

  /** Negative when `a` comes before `b` in the global order, 0 when equal, positive after. */
  comparePositions(a: string, b: string): number;

  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
