import type { ConsignmentState } from '@ree/consignment/domain';
import { initialConsignmentState } from '@ree/consignment/domain';
import type { LicenceState } from '@ree/licensing/domain';
import { initialFlagState, type FlagState } from '../flags';
import type { ReviewDocument, Stage, StageName } from './review-document';

/** A mine as its registration names it: what a mining source shows beside the mine's id. */
export interface MineName {
  readonly name: string;
}

/**
 * The fold's state: the document, and what it was derived from. The consignment's own fold gives
 * the status (its rules, not ours); every licence stream seen is folded by the licensing context's
 * evolve, because the remaining quantity depends on every consignment's allocation on it. Plain
 * JSON throughout: a projection keeps it in a jsonb column between events.
 */
export interface Review {
  readonly document: ReviewDocument;
  readonly consignment: ConsignmentState;
  readonly licences: Readonly<Record<string, LicenceState>>;
  readonly mines: Readonly<Record<string, MineName>>;
  /** The quota draws that concern this consignment, by declaration id. */
  readonly draws: Readonly<Record<string, 'drawn' | 'returned'>>;
  /** What the red-flag rules read: the consignment's events and those of its licence once attached. */
  readonly flagState: FlagState;
}

const pending: Stage = { status: 'pending' };

const emptyStages = (): Record<StageName, Stage> => ({
  mining: pending,
  processing: pending,
  licence: pending,
  endUse: pending,
  shipment: pending,
  verification: pending,
});

/**
 * The review before any event. Without `consignmentId` the first consignment event names it;
 * give it when the input may hold mine or licence events that come earlier.
 */
export const initialReview = (consignmentId: string | null = null): Review => ({
  document: {
    consignmentId,
    status: null,
    exporterOrg: null,
    product: null,
    productForm: null,
    element: null,
    hsCode: null,
    quantityKg: null,
    reoEquivalentKg: null,
    destinationCountry: null,
    classification: null,
    licenceNotices: [],
    stages: emptyStages(),
    miningSources: [],
    processingSteps: [],
    massBalance: { sourcedKgReo: 0, finalKgReo: 0, overallYield: null },
    licence: null,
    endUse: null,
    shipment: null,
    checks: [],
    flags: [],
    timeline: [],
    lastPosition: null,
  },
  consignment: initialConsignmentState(),
  licences: {},
  mines: {},
  draws: {},
  flagState: initialFlagState(),
});

/** What one event did: the new state, whether the event concerns this consignment, and the stage it touched. */
export interface Applied {
  readonly review: Review;
  readonly concerns: boolean;
  readonly stage: StageName | null;
}

export const ignored = (review: Review): Applied => ({ review, concerns: false, stage: null });
