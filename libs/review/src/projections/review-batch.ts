import { consignmentIdOf, consignmentStream, type ConsignmentEvent } from '@ree/consignment';
import { evolveLicence, initialLicenceState, licenceIdOf, licenceStream, type LicenceEvent, type LicenceState } from '@ree/licensing';
import { mineIdOf, mineStream, type MineEvent } from '@ree/registry';
import type { RecordedEvent } from '@ree/shared-kernel';
import type { FlagPolicy } from '../flags';
import { evolveReview } from '../review-document/review-document.fold';
import { initialReview, type Review } from '../review-document/review';
import { withEarlierEvents } from './earlier-events';

/** One consignment's fold between events, as its row keeps it. */
export interface ConsignmentFold {
  readonly review: Review;
  /** The last event applied to the row, whether it concerned the document or not; null before the first. */
  readonly lastPosition: string | null;
  /** For each entry of the document's `flags`, the position of the event after which it was raised. */
  readonly raisedPositions: readonly string[];
}

/**
 * One licence's fold: the licensing context's state, and `history`, the events a consignment
 * attaching the licence later must see: those that name no consignment (application,
 * screenings, decisions) and those naming a consignment that has not attached it (yet).
 */
export interface LicenceFold {
  readonly revision: number;
  readonly state: LicenceState;
  readonly history: readonly RecordedEvent[];
}

/** One mine: its name, and the draws and returns naming a consignment none of whose sources names the mine (yet). */
export interface MineFold {
  readonly revision: number;
  readonly name: string | null;
  readonly pending: readonly RecordedEvent[];
}

/** Every row a batch may touch, loaded before it and written back after it. */
export interface ReviewRows {
  readonly consignments: Map<string, ConsignmentFold>;
  readonly licences: Map<string, LicenceFold>;
  readonly mines: Map<string, MineFold>;
  /** The consignments that attached each licence. */
  readonly holders: Map<string, Set<string>>;
}

/** The ids a batch's events name, to load their rows with one query per table. */
export interface BatchKeys {
  readonly consignmentIds: Set<string>;
  readonly licenceIds: Set<string>;
  readonly mineIds: Set<string>;
}

const named = (event: RecordedEvent, field: string): string | null => {
  const value = (event.data as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' ? value : null;
};

const before = (event: RecordedEvent) => (earlier: RecordedEvent): boolean => BigInt(earlier.position) < BigInt(event.position);

export function keysOf(events: readonly RecordedEvent[]): BatchKeys {
  const keys: BatchKeys = { consignmentIds: new Set(), licenceIds: new Set(), mineIds: new Set() };
  const add = (set: Set<string>, id: string | null) => id !== null && set.add(id);
  for (const event of events) {
    if (consignmentStream.holds(event)) {
      keys.consignmentIds.add(consignmentIdOf(event.streamId));
      add(keys.licenceIds, event.type === 'LicenceAttached' ? event.data.licenceId : null);
      add(keys.mineIds, named(event, 'mineId'));
    } else if (licenceStream.holds(event)) {
      keys.licenceIds.add(licenceIdOf(event.streamId));
    } else if (mineStream.holds(event)) {
      keys.mineIds.add(mineIdOf(event.streamId));
      add(keys.consignmentIds, named(event, 'consignmentId'));
    }
  }
  return keys;
}

const namesMine = (review: Review, mineId: string): boolean => Object.values(review.consignment.sources).some((source) => source.mineId === mineId);

const withMine = (review: Review, mineId: string | null, mine: MineFold | undefined): Review =>
  mineId === null || !mine?.name || review.mines[mineId] !== undefined ? review : { ...review, mines: { ...review.mines, [mineId]: { name: mine.name } } };

const withLicence = (review: Review, licenceId: string, licence: LicenceFold | undefined): Review =>
  licence === undefined ? review : { ...review, licences: { ...review.licences, [licenceId]: licence.state } };

const noLicence = (): LicenceFold => ({ revision: -1, state: initialLicenceState(), history: [] });
const noMine = (): MineFold => ({ revision: -1, name: null, pending: [] });

/**
 * Applies a batch's events, in global order, to the rows it loaded, in memory, so that every
 * consignment's document stays what the pure fold gives for its input: its own stream, the
 * licence it attached, the mines its sources name (the Projection section of the library's
 * README says how). Pure: `rows` is changed in place, `changed` says what to write back.
 */
export class ReviewBatch {
  readonly changed = { consignments: new Set<string>(), licences: new Set<string>(), mines: new Set<string>(), holders: [] as [string, string][] };

  constructor(
    private readonly rows: ReviewRows,
    private readonly policy: FlagPolicy,
  ) {}

  apply(event: RecordedEvent): void {
    if (consignmentStream.holds(event)) this.consignmentEvent(event);
    else if (licenceStream.holds(event)) this.licenceEvent(event);
    else if (mineStream.holds(event)) this.mineEvent(event);
  }

  private consignmentEvent(event: RecordedEvent & ConsignmentEvent): void {
    const consignmentId = consignmentIdOf(event.streamId);
    if (event.type === 'ConsignmentRegistered' && !this.rows.consignments.has(consignmentId)) {
      this.rows.consignments.set(consignmentId, { review: initialReview(consignmentId), lastPosition: null, raisedPositions: [] });
    }
    const fold = this.rows.consignments.get(consignmentId);
    if (fold === undefined || this.applied(fold, event)) return;
    if (event.type === 'LicenceAttached') {
      const { licenceId } = event.data;
      this.attach(licenceId, consignmentId, event);
      this.applyTo(consignmentId, event, (review) => withLicence(review, licenceId, this.rows.licences.get(licenceId)));
      return;
    }
    const mineId = named(event, 'mineId');
    if (mineId !== null && !namesMine(fold.review, mineId)) this.nameMine(mineId, consignmentId, event);
    this.applyTo(consignmentId, event, (review) => withMine(review, mineId, mineId === null ? undefined : this.rows.mines.get(mineId)));
  }

  private licenceEvent(event: RecordedEvent & LicenceEvent): void {
    const licenceId = licenceIdOf(event.streamId);
    const licence = this.rows.licences.get(licenceId) ?? noLicence();
    if (event.revision <= licence.revision) return;
    const holders = this.holdersOf(licenceId);
    for (const holder of holders) this.applyTo(holder, event, (review) => withLicence(review, licenceId, licence));
    const consignmentId = named(event, 'consignmentId');
    const pending = consignmentId === null || !holders.has(consignmentId);
    this.rows.licences.set(licenceId, {
      revision: event.revision,
      state: evolveLicence(licence.state, event),
      history: pending ? [...licence.history, event] : licence.history,
    });
    this.changed.licences.add(licenceId);
  }

  private mineEvent(event: RecordedEvent & MineEvent): void {
    const mineId = mineIdOf(event.streamId);
    const mine = this.rows.mines.get(mineId) ?? noMine();
    if (event.revision <= mine.revision) return;
    const consignmentId = named(event, 'consignmentId');
    const fold = consignmentId === null ? undefined : this.rows.consignments.get(consignmentId);
    const joined = fold !== undefined && namesMine(fold.review, mineId);
    if (joined) this.applyTo(consignmentId!, event, (review) => withMine(review, mineId, mine));
    this.rows.mines.set(mineId, {
      revision: event.revision,
      name: event.type === 'MineRegistered' ? event.data.name : mine.name,
      pending: consignmentId !== null && !joined ? [...mine.pending, event] : mine.pending,
    });
    this.changed.mines.add(mineId);
  }

  private holdersOf(licenceId: string): Set<string> {
    let holders = this.rows.holders.get(licenceId);
    if (holders === undefined) this.rows.holders.set(licenceId, (holders = new Set()));
    return holders;
  }

  /** A consignment attaching a licence: it holds it from now on, after seeing what the licence recorded before. */
  private attach(licenceId: string, consignmentId: string, event: RecordedEvent): void {
    const holders = this.holdersOf(licenceId);
    if (holders.has(consignmentId)) return;
    holders.add(consignmentId);
    this.changed.holders.push([licenceId, consignmentId]);
    const licence = this.rows.licences.get(licenceId);
    if (licence === undefined) return;
    const concerns = (earlier: RecordedEvent) => [null, consignmentId].includes(named(earlier, 'consignmentId'));
    this.join(consignmentId, licence.history.filter((earlier) => concerns(earlier) && before(event)(earlier)));
    this.rows.licences.set(licenceId, { ...licence, history: licence.history.filter((earlier) => named(earlier, 'consignmentId') !== consignmentId) });
    this.changed.licences.add(licenceId);
  }

  /** A consignment's first source on a mine: it sees the mine's earlier draws and returns that name it. */
  private nameMine(mineId: string, consignmentId: string, event: RecordedEvent): void {
    const mine = this.rows.mines.get(mineId);
    if (mine === undefined || !mine.pending.some((earlier) => named(earlier, 'consignmentId') === consignmentId)) return;
    this.join(consignmentId, mine.pending.filter((earlier) => named(earlier, 'consignmentId') === consignmentId && before(event)(earlier)));
    this.rows.mines.set(mineId, { ...mine, pending: mine.pending.filter((earlier) => named(earlier, 'consignmentId') !== consignmentId) });
    this.changed.mines.add(mineId);
  }

  private join(consignmentId: string, earlier: readonly RecordedEvent[]): void {
    const fold = this.rows.consignments.get(consignmentId)!;
    this.rows.consignments.set(consignmentId, { ...fold, review: withEarlierEvents(fold.review, earlier, this.policy) });
    this.changed.consignments.add(consignmentId);
  }

  private applied = (fold: ConsignmentFold, event: RecordedEvent): boolean =>
    fold.lastPosition !== null && BigInt(event.position) <= BigInt(fold.lastPosition);

  /** Folds the event into one consignment's review, once: an event at or below the row's last position was applied before. */
  private applyTo(consignmentId: string, event: RecordedEvent, prepare: (review: Review) => Review): void {
    const fold = this.rows.consignments.get(consignmentId);
    if (fold === undefined || this.applied(fold, event)) return;
    const previous = prepare(fold.review);
    const review = evolveReview(previous, event, this.policy);
    const raised = review.document.flags.length - previous.document.flags.length;
    const raisedPositions = raised > 0 ? [...fold.raisedPositions, ...Array<string>(raised).fill(event.position)] : fold.raisedPositions;
    this.rows.consignments.set(consignmentId, { review, lastPosition: event.position, raisedPositions });
    this.changed.consignments.add(consignmentId);
  }
}
