import { consignmentStream } from '@ree/consignment';
import { toGrams } from '@ree/shared-kernel';
import type { ReviewDocument, ReviewFlag } from '../review-document/review-document';
import { initialReview, type Review } from '../review-document/review';
import type { ConsignmentFold } from './review-batch';

/** A `consignments` row as written: the search and statistics columns, all taken from the document. */
export interface ConsignmentRow {
  readonly consignment_id: string;
  readonly exporter_org: string;
  readonly status: string;
  readonly product: string;
  readonly element: string;
  readonly hs_code: string;
  readonly destination_country: string;
  readonly quantity_grams: number;
  readonly licence_id: string | null;
  readonly registered_at: string;
  readonly updated_at: string;
  readonly released_on: string | null;
  readonly shipped_grams: number;
  /** The latest classification's control code; null when the list names the item not, or it was never classified. */
  readonly control_code: string | null;
  /** Null for consignments registered before the control list (never classified). */
  readonly controlled: boolean | null;
  readonly open_flags: readonly string[];
  readonly open_severities: readonly string[];
  readonly last_position: string;
  readonly document: ReviewDocument;
  readonly fold: StoredFold;
}

/**
 * The `fold` column: the review's state but its document (a column of its own) and its licences'
 * folds (each licence's row has it, and a licence shared by many consignments would otherwise be
 * copied into every one of them), and the flags' positions.
 */
export interface StoredFold {
  readonly review: Omit<Review, 'document' | 'licences'>;
  readonly raisedPositions: readonly string[];
}

export interface FlagRow {
  readonly consignment_id: string;
  readonly seq: number;
  readonly flag_key: string;
  readonly code: string;
  readonly severity: string;
  readonly detail: string;
  readonly exporter_org: string;
  readonly raised_at: string;
  readonly raised_position: string;
  readonly cleared_at: string | null;
}

const isOpen = (flag: ReviewFlag): boolean => flag.clearedAt === null;
const distinct = (values: readonly string[]): string[] => [...new Set(values)];

/** The row of a registered consignment; null before its registration was folded (nothing to show yet). */
export function consignmentRow(consignmentId: string, fold: ConsignmentFold): ConsignmentRow | null {
  const { document, licences: _licences, ...rest } = fold.review;
  const registered = document.timeline.find((entry) => entry.type === 'ConsignmentRegistered' && consignmentStream.isStream(entry.streamId));
  if (document.exporterOrg === null || document.status === null || registered === undefined || fold.lastPosition === null) return null;
  const open = document.flags.filter(isOpen);
  return {
    consignment_id: consignmentId,
    exporter_org: document.exporterOrg,
    status: document.status,
    product: document.product ?? '',
    element: document.element ?? '',
    hs_code: document.hsCode ?? '',
    destination_country: document.destinationCountry ?? '',
    quantity_grams: toGrams(document.quantityKg ?? 0),
    licence_id: document.licence?.licenceId ?? null,
    registered_at: registered.at,
    // The last event that concerned the consignment; another consignment's allocation on a shared licence does not count.
    updated_at: document.timeline[document.timeline.length - 1].at,
    released_on: document.shipment?.releasedOn ?? null,
    shipped_grams: shippedGrams(document),
    control_code: document.classification?.controlCode ?? null,
    controlled: document.classification?.controlled ?? null,
    open_flags: distinct(open.map((flag) => flag.code)),
    open_severities: distinct(open.map((flag) => flag.severity)),
    last_position: fold.lastPosition,
    document,
    fold: { review: rest, raisedPositions: fold.raisedPositions },
  };
}

/**
 * What left under the licence (its shipped record for this consignment), or, for a shipment
 * declared without a licence (an item no list or catch-all required one for), its declared net
 * mass once customs released it.
 */
function shippedGrams(document: ReviewDocument): number {
  if (document.licence) return toGrams(document.licence.shippedKg);
  return document.shipment?.releasedOn ? toGrams(document.shipment.declaredNetKg) : 0;
}

/** One row per entry of the document's `flags`, `seq` its index. */
export function flagRows(row: ConsignmentRow): FlagRow[] {
  return row.document.flags.map((flag, seq) => ({
    consignment_id: row.consignment_id,
    seq,
    flag_key: flag.key,
    code: flag.code,
    severity: flag.severity,
    detail: flag.detail,
    exporter_org: row.exporter_org,
    raised_at: flag.raisedAt,
    raised_position: row.fold.raisedPositions[seq] ?? row.last_position,
    cleared_at: flag.clearedAt,
  }));
}

/**
 * The fold again from a stored row and the fold of the licence it attached, if any. A row stored
 * before a field was added to the document, the consignment's state or the flag state gets the
 * field's initial value (the control list's classification and licence notices, issue 12).
 */
export const foldOf = (document: ReviewDocument, stored: StoredFold, lastPosition: string, licences: Review['licences']): ConsignmentFold => ({
  review: withInitialFields({ ...stored.review, document, licences }),
  lastPosition,
  raisedPositions: stored.raisedPositions,
});

/** What a consignment's flag rows are written from: a batch that leaves it as it was rewrites none of them. */
export const flagsOf = (fold: ConsignmentFold): string => JSON.stringify([fold.review.document.flags, fold.raisedPositions]);

function withInitialFields(review: Review): Review {
  const initial = initialReview();
  return {
    ...review,
    document: { ...initial.document, ...review.document },
    consignment: { ...initial.consignment, ...review.consignment },
    flagState: { ...initial.flagState, ...review.flagState },
  };
}
