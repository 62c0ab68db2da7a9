import { NewEvent, RecordedEvent } from '@ree/shared-kernel';
import { Pool } from 'pg';
import { AppendObserver, observeAppend } from '../append-observer';
import type { SealKey } from '../chain-seal';
import { CatchUpSubscriptions } from '../catch-up-subscription';
import {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventStore,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store';
import { EventIdConflictError, WrongExpectedRevisionError } from '../errors';
import { satisfies } from '../expected-revision';
import { AppendAttempt, findEarlierAppend } from '../earlier-append';
import type { HorizonOptions, HorizonReport, HorizonSource } from '../horizon';
import { prepareAppend, StreamHead } from '../prepare-append';
import { storedHashOf } from '../hash-chain';
import { UpcasterRegistry } from '../upcasting';
import { AnyRetryPolicy, backOffOrGiveUp, DEFAULT_ANY_RETRY } from './any-retry';
import { AppendListener } from './append-listener';
import { appendInTransaction } from './append-statement';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-rows';
import { queryHorizon } from './horizon-query';
import { PerStreamQueue } from './per-stream-queue';
import { EVENT_ID_UNIQUE, inPortTerms, STREAM_REVISION_UNIQUE, violatedUniqueConstraint } from './pg-errors';
import type { SessionSettings } from './session-settings';
import { StreamHeadCache } from './stream-head-cache';

export interface PostgresEventStoreOptions {
  /** The caller's pool (see `createEventStorePool`); `close()` leaves it open. */
  readonly pool: Pool;
  /** A separate connection for LISTEN; without it one pool connection is held for it. */
  readonly listenConnectionString?: string;
  /** The session settings of that LISTEN connection. */
  readonly listenSession?: Partial<SessionSettings>;
  readonly upcasters?: UpcasterRegistry;
  /** The time stamped on appended events; defaults to the system clock. */
  readonly clock?: () => Date;
  /** How often an idle subscription polls in case a notification was lost. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Told the duration and outcome of every append (the application's metrics). */
  readonly onAppend?: AppendObserver;
  /** How an `'any'` append that lost the race for its revision tries again: see {@link AnyRetryPolicy}. */
  readonly anyRetry?: Partial<AnyRetryPolicy>;
  /** The key that seals every appended event's hash (docs/decisions.md 29); without it events carry no seal. */
  readonly seal?: SealKey;
}

/**
 * Rows visible to ordered readers: those of transactions older than every running one, as a
 * position bound (an index condition), so that rows restored from another cluster count too.
 */
const BELOW_OLDEST_RUNNING = 'position < event_store.readable_below()';

/**
 * The event store on PostgreSQL (table `event_store.events`, see the migration).
 *
 * Global order: positions grow in transaction-id order, and `readAll` returns only events of
 * transactions with an id below the oldest transaction still running (a position bound, from the
 * base of docs/decisions.md 20, so that it holds after a logical restore too). Every transaction
 * with a lower id has then ended, and every later one gets higher positions, so a reader that keeps
 * one position as checkpoint never skips an event committed late with a lower position, and
 * receives events strictly in position order. The price: one long open transaction anywhere
 * in the cluster holds readers back, hence `idle_in_transaction_session_timeout` on the pools.
 */
export class PostgresEventStore implements EventStore, HorizonSource {
  private readonly pool: Pool;
  private readonly upcasters: UpcasterRegistry;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly heads = new StreamHeadCache();
  private readonly listener: AppendListener;
  private readonly subscriptions = new CatchUpSubscriptions();
  private readonly onAppend?: AppendObserver;
  private readonly anyRetry: AnyRetryPolicy;
  private readonly appending = new PerStreamQueue();
  private readonly seal?: SealKey;

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.listener = new AppendListener(options.pool, options.listenConnectionString, options.listenSession);
    this.onAppend = options.onAppend;
    this.anyRetry = { ...DEFAULT_ANY_RETRY, ...options.anyRetry };
    this.seal = options.seal;
  }

  /**
   * Appends all events or none in one transaction: it reads its position block, hashes the events
   * with their positions and its id, and inserts them in one statement. A lost race on (stream, revision) is a
   * `WrongExpectedRevisionError` with the actual revision, or, for `'any'`, a retry after a
   * back-off ({@link AnyRetryPolicy}).
   * A retry of an append already stored (same event ids at the revisions right after the
   * expected one, with the same content) answers like the first append and writes nothing; any
   * other reuse of stored event ids is an `EventIdConflictError`. Connection failures are `EventStoreUnavailableError`.
   * This instance's appends to one stream run one at a time ({@link PerStreamQueue}).
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return observeAppend(this.onAppend, streamId, events.length, () =>
      this.appending.run(streamId, () => this.append(streamId, events, options)),
    );
  }

  private async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    for (let tries = 1; ; tries++) {
      const cached = this.heads.get(streamId);
      const head = cached && satisfies(expected, cached.revision) ? cached : await this.readHead(streamId);
      const prepared = prepareAppend(streamId, head, events, this.clock().toISOString());
      const attempt: AppendAttempt = { streamId, expected, prepared, given: events };
      if (!satisfies(expected, head?.revision ?? null)) return this.answerRetryOrFail(attempt, head?.revision ?? null);
      try {
        const recorded = await inPortTerms(() => appendInTransaction(this.pool, head, prepared, this.seal));
        this.rememberHead(recorded);
        return resultOf(recorded);
      } catch (error) {
        const constraint = violatedUniqueConstraint(error);
        if (constraint === undefined) throw error;
        this.heads.forget(streamId);
        if (constraint === STREAM_REVISION_UNIQUE && expected === 'any') {
          await backOffOrGiveUp(this.anyRetry, streamId, tries);
          continue;
        }
        if (constraint !== STREAM_REVISION_UNIQUE && constraint !== EVENT_ID_UNIQUE) throw error;
        const actual = (await this.readHead(streamId))?.revision ?? null;
        return this.answerRetryOrFail(attempt, actual);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    const events = rows.map(toRecordedEvent);
    if (options.maxCount === undefined || events.length < options.maxCount) this.rememberHead(events);
    return options.raw ? events : events.map((event) => this.upcasters.upcast(event));
  }

  /** Events after `after` in position order, only below the oldest running transaction. */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
       WHERE position > $1::bigint AND ${BELOW_OLDEST_RUNNING} ORDER BY position LIMIT $2`,
      [options.after ?? '-1', options.maxCount ?? 1000],
    );
    const events = rows.map(toRecordedEvent);
    return {
      events: options.raw ? events : events.map((event) => this.upcasters.upcast(event)),
      checkpoint: events.at(-1)?.position ?? options.after ?? null,
    };
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.start(
      {
        readAll: (after, maxCount) => this.readAll({ after, maxCount }),
        committedHead: () => this.maxPosition(''),
        comparePositions: (a, b) => this.comparePositions(a, b),
        onAppended: (wake) => this.listener.subscribe(wake),
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
    );
  }

  /** How far `readAll` trails what is committed, and the oldest open transaction of the cluster holding it back. */
  async horizon(options: HorizonOptions = {}): Promise<HorizonReport> {
    return inPortTerms(() => queryHorizon(this.pool, options.countLimit ?? 10_000, this.clock()));
  }

  /** The last position that `readAll` can deliver now (same transaction guard). */
  async headPosition(): Promise<Checkpoint | null> {
    return this.maxPosition(`WHERE ${BELOW_OLDEST_RUNNING}`);
  }

  comparePositions(a: string, b: string): number {
    const difference = BigInt(a) - BigInt(b);
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }

  /** Stops the subscriptions and the LISTEN connection; the pool belongs to the caller. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.listener.close();
  }

  private async answerRetryOrFail(attempt: AppendAttempt, actual: number | null): Promise<AppendResult> {
    const { streamId, expected } = attempt;
    const eventIds = attempt.prepared.map((event) => event.eventId);
    const rows = await this.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE event_id = ANY($1::uuid[])`, [
      eventIds,
    ]);
    const earlier = findEarlierAppend(attempt, rows.map(toRecordedEvent));
    if (earlier.kind === 'same') return resultOf(earlier.events);
    if (earlier.kind === 'conflict') throw new EventIdConflictError(streamId, earlier.eventIds, earlier.reason);
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }

  private async readHead(streamId: string): Promise<StreamHead | null> {
    const rows = await this.query<{ revision: number; hash: string }>(
      `SELECT revision, metadata->>'hash' AS hash FROM event_store.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`,
      [streamId],
    );
    if (rows.length === 0) return null;
    this.heads.remember(streamId, rows[0]);
    return rows[0];
  }

  /** Caches the last event as its stream's head, unless its row was edited by hand into another shape. */
  private rememberHead(events: readonly RecordedEvent[]): void {
    const last = events.at(-1);
    if (last && storedHashOf(last) !== '') this.heads.remember(last.streamId, { revision: last.revision, hash: storedHashOf(last) });
  }

  private async maxPosition(where: string): Promise<string | null> {
    const rows = await this.query<{ head: string }>(
      `SELECT position::text AS head FROM event_store.events ${where} ORDER BY position DESC LIMIT 1`,
    );
    return rows[0]?.head ?? null;
  }

  private async query<Row extends object>(sql: string, values: unknown[] = []): Promise<Row[]> {
    return inPortTerms(async () => (await this.pool.query<Row>(sql, values)).rows);
  }
}

function resultOf(events: readonly RecordedEvent[]): AppendResult {
  const last = events[events.length - 1];
  return { nextExpectedRevision: last.revision, position: last.position, events };
}
