import type { RecordedEvent } from '@ree/event-store';
import { consignmentIdOf, type ConsignmentEvent } from '@ree/consignment';
import { evolveLicence, initialLicenceState, licenceIdOf, type LicenceEvent, type LicenceState } from '@ree/licensing';
import { mineIdOf, type MineEvent } from '@ree/registry';
import type { FlagPolicy } from '../flags';
import { evolveReview } from '../review-document/review-document.fold';
import { initialReview, type Review } from '../review-document/review';
import { withLicenceHistory } from './licence-history';

/** One consignment's fold between events, as its row keeps it. */
export interface ConsignmentFold {
  readonly review: Review;
  /** The last event applied to the row, whether it concerned the document or not; null before the first. */
  readonly lastPosition: string | null;
  /** For each entry of the document's `flags`, the position of the event after which it was raised. */
  readonly raisedPositions: readonly string[];
}

/** One licence's fold: the licensing context's state, and its events that name no consignment. */
export interface LicenceFold {
  readonly revision: number;
  readonly state: LicenceState;
  readonly history: readonly RecordedEvent[];
}

/** Every row a batch may touch, loaded before it and written back after it. */
export interface ReviewRows {
  readonly consignments: Map<string, ConsignmentFold>;
  readonly licences: Map<string, LicenceFold>;
  /** Mine names by mine id. */
  readonly mines: Map<string, string>;
  /** The consignments that joined each licence (allocated on it or attached it). */
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

export function keysOf(events: readonly RecordedEvent[]): BatchKeys {
  const keys: BatchKeys = { consignmentIds: new Set(), licenceIds: new Set(), mineIds: new Set() };
  const add = (set: Set<string>, id: string | null) => id !== null && set.add(id);
  for (const event of events) {
    if (event.streamId.startsWith('consignment-')) {
      keys.consignmentIds.add(consignmentIdOf(event.streamId));
      add(keys.licenceIds, event.type === 'LicenceAttached' ? named(event, 'licenceId') : null);
      add(keys.mineIds, named(event, 'mineId'));
    } else if (event.streamId.startsWith('licence-')) {
      keys.licenceIds.add(licenceIdOf(event.streamId));
      add(keys.consignmentIds, named(event, 'consignmentId'));
    } else if (event.streamId.startsWith('mine-')) {
      keys.mineIds.add(mineIdOf(event.streamId));
      add(keys.consignmentIds, named(event, 'consignmentId'));
    }
  }
  return keys;
}

const withMine = (review: Review, mineId: string | null, name: string | undefined): Review =>
  mineId === null || name === undefined || review.mines[mineId] !== undefined ? review : { ...review, mines: { ...review.mines, [mineId]: { name } } };

const withLicence = (review: Review, licenceId: string, licence: LicenceFold | undefined): Review =>
  licence === undefined ? review : { ...review, licences: { ...review.licences, [licenceId]: licence.state } };

const noLicence = (): LicenceFold => ({ revision: -1, state: initialLicenceState(), history: [] });

/**
 * Applies a batch's events, in global order, to the rows it loaded, in memory: each event goes to
 * the consignments whose review document it belongs to, so that every document stays what the
 * pure fold gives for the consignment's events, its licences' and its mines' (the projection
 * section of the library's README says how). Pure: `rows` is changed in place, `changed` says
 * what to write back.
 */
export class ReviewBatch {
  readonly changed = { consignments: new Set<string>(), licences: new Set<string>(), mines: new Set<string>(), holders: [] as [string, string][] };

  constructor(
    private readonly rows: ReviewRows,
    private readonly policy: FlagPolicy,
  ) {}

  apply(event: RecordedEvent): void {
    if (event.streamId.startsWith('consignment-')) this.consignmentEvent(event);
    else if (event.streamId.startsWith('licence-')) this.licenceEvent(event);
    else if (event.streamId.startsWith('mine-')) this.mineEvent(event);
  }

  private consignmentEvent(event: RecordedEvent): void {
    const consignmentId = consignmentIdOf(event.streamId);
    const type = (event as unknown as ConsignmentEvent).type;
    if (type === 'ConsignmentRegistered' && !this.rows.consignments.has(consignmentId)) {
      this.rows.consignments.set(consignmentId, { review: initialReview(consignmentId), lastPosition: null, raisedPositions: [] });
    }
    if (type === 'LicenceAttached') {
      const licenceId = named(event, 'licenceId')!;
      const licence = this.rows.licences.get(licenceId);
      this.join(licenceId, consignmentId, event, licence ?? noLicence());
      this.applyTo(consignmentId, event, (review) => withLicence(review, licenceId, licence));
      return;
    }
    const mineId = named(event, 'mineId');
    this.applyTo(consignmentId, event, (review) => withMine(review, mineId, mineId === null ? undefined : this.rows.mines.get(mineId)));
  }

  private licenceEvent(event: RecordedEvent): void {
    const licenceId = licenceIdOf(event.streamId);
    const licence = this.rows.licences.get(licenceId) ?? noLicence();
    if (event.revision <= licence.revision) return;
    const consignmentId = named(event, 'consignmentId');
    if (consignmentId !== null) this.join(licenceId, consignmentId, event, licence);
    for (const holder of this.holdersOf(licenceId)) this.applyTo(holder, event, (review) => withLicence(review, licenceId, licence));
    this.rows.licences.set(licenceId, {
      revision: event.revision,
      state: evolveLicence(licence.state, event as unknown as LicenceEvent),
      history: consignmentId === null ? [...licence.history, event] : licence.history,
    });
    this.changed.licences.add(licenceId);
  }

  private mineEvent(event: RecordedEvent): void {
    const mineId = mineIdOf(event.streamId);
    const mine = event as unknown as MineEvent;
    if (mine.type === 'MineRegistered') {
      if (this.rows.mines.has(mineId)) return;
      this.rows.mines.set(mineId, mine.data.name);
      this.changed.mines.add(mineId);
      return;
    }
    const consignmentId = named(event, 'consignmentId');
    if (consignmentId !== null) this.applyTo(consignmentId, event, (review) => withMine(review, mineId, this.rows.mines.get(mineId)));
  }

  private holdersOf(licenceId: string): Set<string> {
    let holders = this.rows.holders.get(licenceId);
    if (holders === undefined) this.rows.holders.set(licenceId, (holders = new Set()));
    return holders;
  }

  /** A consignment's first event of a licence: it holds the licence from now on, and sees its earlier history. */
  private join(licenceId: string, consignmentId: string, event: RecordedEvent, licence: LicenceFold): void {
    const holders = this.holdersOf(licenceId);
    const fold = this.rows.consignments.get(consignmentId);
    if (holders.has(consignmentId) || fold === undefined || this.applied(fold, event)) return;
    holders.add(consignmentId);
    this.changed.holders.push([licenceId, consignmentId]);
    this.rows.consignments.set(consignmentId, { ...fold, review: withLicenceHistory(fold.review, licence.history, event.position, this.policy) });
  }

  private applied = (fold: ConsignmentFold, event: RecordedEvent): boolean =>
    fold.lastPosition !== null && BigInt(event.position) <= BigInt(fold.lastPosition);

  /** Folds the event into one consignment's review, once: an event at or below the row's last position was applied before. */
  private applyTo(consignmentId: string, event: RecordedEvent, prepare: (review: Review) => Review): void {
    const fold = this.rows.consignments.get(consignmentId);
    if (fold === undefined || this.applied(fold, event)) return;
    const before = prepare(fold.review);
    const review = evolveReview(before, event, this.policy);
    const raised = review.document.flags.length - before.document.flags.length;
    const raisedPositions = raised > 0 ? [...fold.raisedPositions, ...Array<string>(raised).fill(event.position)] : fold.raisedPositions;
    this.rows.consignments.set(consignmentId, { review, lastPosition: event.position, raisedPositions });
    this.changed.consignments.add(consignmentId);
  }
}
