import type { ConsignmentEvent, EndUseCheckOutcome, Process } from '@ree/consignment/domain';
import type { LicenceEvent } from '@ree/licensing/domain';
import { toGrams } from '@ree/shared-kernel';

/** A mining source or processing step in force; quantities in integer grams of REO. */
export interface SourceFact {
  readonly id: string;
  readonly grams: number;
}

export interface StepFact {
  readonly id: string;
  readonly process: Process;
  readonly facility: string;
  readonly inputGrams: number;
  readonly outputGrams: number;
}

/** A suspension or revocation of the consignment's licence while its shipment was between declaration and arrival. */
export interface LicenceInterruption {
  readonly kind: 'suspended' | 'revoked';
  readonly reason: string;
  /** A later reinstatement (before arrival) lifted this suspension. */
  readonly lifted: boolean;
}

/**
 * What the red-flag rules need to know about one consignment, folded from its events and, interleaved
 * in global order, its licence's. Steps and sources keep their order of recording; a correction takes
 * the place of the one it corrects, so that "the first" and "the last" step stay the same steps.
 */
export interface FlagState {
  readonly reoEquivalentGrams: number | null;
  readonly sources: readonly SourceFact[];
  readonly steps: readonly StepFact[];
  readonly declaredNetGrams: number | null;
  /** The latest inspection's measured net mass. */
  readonly measuredNetGrams: number | null;
  readonly shipmentDeclared: boolean;
  readonly departedAt: string | null;
  readonly arrivedAt: string | null;
  /** Every end-use check, in order. */
  readonly endUseChecks: readonly { readonly checkedOn: string; readonly outcome: EndUseCheckOutcome; readonly notes: string }[];
  readonly licenceInterruptions: readonly LicenceInterruption[];
  readonly cancelled: boolean;
  /** The registered HS code: the one the classification judged (a declaration may not differ from it). */
  readonly hsCode: string | null;
  /** The latest classification's facts; null before one (and for consignments registered before the control list). */
  readonly classification: ClassificationFact | null;
}

/** What HS_CODE_MISMATCH reads of a consignment's latest `ConsignmentClassified`. */
export interface ClassificationFact {
  readonly stage: string;
  readonly on: string;
  readonly controlled: boolean;
  readonly controlCode: string | null;
  readonly hsCodeMatches: boolean;
}

export const initialFlagState = (): FlagState => ({
  reoEquivalentGrams: null,
  sources: [],
  steps: [],
  declaredNetGrams: null,
  measuredNetGrams: null,
  shipmentDeclared: false,
  departedAt: null,
  arrivedAt: null,
  endUseChecks: [],
  licenceInterruptions: [],
  cancelled: false,
  hsCode: null,
  classification: null,
});

const replaceOrAppend = <T extends { readonly id: string }>(items: readonly T[], correctsId: string | null, item: T): T[] =>
  correctsId !== null && items.some((existing) => existing.id === correctsId)
    ? items.map((existing) => (existing.id === correctsId ? item : existing))
    : [...items, item];

const inTransit = (state: FlagState): boolean => state.shipmentDeclared && state.arrivedAt === null && !state.cancelled;

/** Type strings are matched as literals (checked against the unions) so that this file loads no context module at run time. */
function evolveLicenceSide(state: FlagState, event: LicenceEvent): FlagState {
  switch (event.type) {
    case 'LicenceSuspended':
    case 'LicenceRevoked':
      if (!inTransit(state)) return state;
      return {
        ...state,
        licenceInterruptions: [
          ...state.licenceInterruptions,
          { kind: event.type === 'LicenceSuspended' ? 'suspended' : 'revoked', reason: event.data.reason, lifted: false },
        ],
      };
    case 'LicenceReinstated':
      if (!inTransit(state)) return state;
      return {
        ...state,
        licenceInterruptions: state.licenceInterruptions.map((interruption) =>
          interruption.kind === 'suspended' ? { ...interruption, lifted: true } : interruption,
        ),
      };
    default:
      return state;
  }
}

/** Folds one consignment or licence event; events of other types leave the state as it is. */
export function evolveFlagState(state: FlagState, event: ConsignmentEvent | LicenceEvent): FlagState {
  switch (event.type) {
    case 'ConsignmentRegistered':
      return { ...state, reoEquivalentGrams: toGrams(event.data.reoEquivalentKg), hsCode: event.data.hsCode };
    case 'ConsignmentClassified': {
      const { on, controlled, controlCode, hsCodeMatches } = event.data.classification;
      return { ...state, classification: { stage: event.data.stage, on, controlled, controlCode, hsCodeMatches } };
    }
    case 'MiningSourceDeclared':
    case 'MiningSourceCorrected': {
      const correctsId = event.type === 'MiningSourceCorrected' ? event.data.correctsId : null;
      const source = { id: event.data.declarationId, grams: toGrams(event.data.kgReo) };
      return { ...state, sources: replaceOrAppend(state.sources, correctsId, source) };
    }
    case 'ProcessingStepRecorded':
    case 'ProcessingStepCorrected': {
      const correctsId = event.type === 'ProcessingStepCorrected' ? event.data.correctsId : null;
      const { stepId, process, facility, inputKgReo, outputKgReo } = event.data;
      const step = { id: stepId, process, facility: facility.name, inputGrams: toGrams(inputKgReo), outputGrams: toGrams(outputKgReo) };
      return { ...state, steps: replaceOrAppend(state.steps, correctsId, step) };
    }
    case 'ShipmentDeclared':
      return { ...state, shipmentDeclared: true, declaredNetGrams: toGrams(event.data.declaredNetKg) };
    case 'ShipmentInspected':
      return { ...state, measuredNetGrams: toGrams(event.data.measuredNetKg) };
    case 'ShipmentDeparted':
      return { ...state, departedAt: event.data.departedAt };
    case 'ShipmentArrived':
      return { ...state, arrivedAt: event.data.arrivedAt };
    case 'EndUseCheckRecorded':
      return { ...state, endUseChecks: [...state.endUseChecks, event.data] };
    case 'ConsignmentCancelled':
      return { ...state, cancelled: true };
    default:
      return evolveLicenceSide(state, event as LicenceEvent);
  }
}

/** Folds events in the order given (consignment and licence events interleaved by global position). */
export const foldFlagState = (events: readonly (ConsignmentEvent | LicenceEvent)[], from: FlagState = initialFlagState()): FlagState =>
  events.reduce(evolveFlagState, from);
