import { NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { CatchUpSubscriptions } from '../catch-up-subscription';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { EventIdConflictError, WrongExpectedRevisionError } from '../errors';
import { satisfies } from '../expected-revision';
import { findEarlierAppend } from '../earlier-append';
import type { SealKey } from '../chain-seal';
import { chainEvents, prepareAppend } from '../prepare-append';
import { UpcasterRegistry } from '../upcasting';

export interface InMemoryEventStoreOptions {
  readonly upcasters?: UpcasterRegistry;
  /** The time stamped on appended events; defaults to the system clock. */
  readonly clock?: () => Date;
  /** The key that seals every appended event's hash, as the PostgreSQL adapter's option. */
  readonly seal?: SealKey;
}

/**
 * The event store port in process memory, with the PostgreSQL adapter's semantics: 0-based
 * revisions, positions as decimal strings of one counter, idempotent re-appends, conflicts,
 * upcasting, the hash chain over the whole envelope (no transaction id: it has no transactions)
 * and its seal, and subscriptions that catch up and then follow live.
 * For decider and handler tests; nothing survives the process.
 */
export class InMemoryEventStore implements EventStore {
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new CatchUpSubscriptions();
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly seal?: SealKey;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.seal = options.seal;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    // Everything after this await runs without interruption: that is the append's atomicity.
    await Promise.resolve();
    const expected = options.expectedRevision ?? 'any';
    const stream = this.streams.get(streamId) ?? [];
    const head = stream.at(-1);
    const headLink = head ? { revision: head.revision, hash: head.metadata.hash } : null;
    const prepared = prepareAppend(streamId, headLink, events, this.clock().toISOString());
    const found = prepared.flatMap((event) => this.byId.get(event.eventId) ?? []);
    const earlier = findEarlierAppend({ streamId, expected, prepared, given: events }, found);
    if (earlier.kind === 'same') return resultOf(earlier.events.map(copy));
    if (earlier.kind === 'conflict') throw new EventIdConflictError(streamId, earlier.eventIds, earlier.reason);
    if (!satisfies(expected, head?.revision ?? null)) {
      throw new WrongExpectedRevisionError(streamId, expected, head?.revision ?? null);
    }
    const placements = prepared.map((_, index) => ({ position: String(this.all.length + index + 1) }));
    const recorded = chainEvents(headLink, prepared, placements, this.seal);
    recorded.forEach((event) => this.byId.set(event.eventId, event));
    this.all.push(...recorded);
    this.streams.set(streamId, [...stream, ...recorded]);
    this.listeners.forEach((wake) => wake());
    return resultOf(recorded.map(copy));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const stream = (this.streams.get(streamId) ?? []).slice(from, from + (options.maxCount ?? Infinity));
    return stream.map((event) => this.present(event, options.raw));
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const start = options.after === undefined || options.after === null ? 0 : Number(options.after);
    const events = this.all.slice(start, start + (options.maxCount ?? 1000)).map((event) => this.present(event, options.raw));
    return { events, checkpoint: events.at(-1)?.position ?? options.after ?? null };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.start(
      {
        readAll: (after, maxCount) => this.readAll({ after, maxCount }),
        committedHead: () => this.headPosition(),
        comparePositions: (a, b) => this.comparePositions(a, b),
        onAppended: (wake) => {
          this.listeners.add(wake);
          return () => this.listeners.delete(wake);
        },
        pollIntervalMs: 1_000,
      },
      options,
    );
  }

  async headPosition(): Promise<string | null> {
    return this.all.at(-1)?.position ?? null;
  }

  comparePositions(a: string, b: string): number {
    const difference = BigInt(a) - BigInt(b);
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }

  private present(event: RecordedEvent, raw = false): RecordedEvent {
    return raw ? copy(event) : this.upcasters.upcast(copy(event));
  }
}

/** Callers get copies, so mutating a returned event cannot change history. */
function copy(event: RecordedEvent): RecordedEvent {
  return structuredClone(event);
}

function resultOf(events: readonly RecordedEvent[]): AppendResult {
  const last = events[events.length - 1];
  return { nextExpectedRevision: last.revision, position: last.position, events };
}
