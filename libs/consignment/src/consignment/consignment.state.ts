import {
  CONSIGNMENT_CANCELLED,
  CONSIGNMENT_CLASSIFIED,
  ConsignmentClassifiedData,
  LICENCE_REQUIREMENT_NOTIFIED,
  LicenceRequirementNotifiedData,
  CONSIGNMENT_CLOSED,
  CONSIGNMENT_FLAGGED,
  CONSIGNMENT_REGISTERED,
  ConsignmentEvent,
  ConsignmentFlaggedData,
  ConsignmentRegisteredData,
  END_USE_CHECK_RECORDED,
  END_USE_DECLARATION_FILED,
  EndUseCheckRecordedData,
  EndUseDeclarationFiledData,
  LICENCE_ATTACHED,
  LicenceAttachedData,
  MINING_SOURCE_CORRECTED,
  MINING_SOURCE_DECLARED,
  MiningSourceDeclaredData,
  PROCESSING_STEP_CORRECTED,
  PROCESSING_STEP_RECORDED,
  ProcessingStepRecordedData,
  SHIPMENT_ARRIVED,
  SHIPMENT_DECLARED,
  SHIPMENT_DEPARTED,
  SHIPMENT_HELD,
  SHIPMENT_HOLD_LIFTED,
  SHIPMENT_INSPECTED,
  SHIPMENT_RELEASED,
  ShipmentDeclaredData,
  ShipmentInspectedData,
} from './consignment.events';
import { ConsignmentStatus, furthest } from './consignment.status';

/**
 * A declared mining source. Its quota draw on the mine is keyed by the same `declarationId`;
 * `correctedBy` names the correction that replaced it (and returned its draw).
 */
export interface MiningSource extends MiningSourceDeclaredData {
  readonly correctedBy: string | null;
}

export interface ProcessingStep extends ProcessingStepRecordedData {
  readonly correctedBy: string | null;
}

/** One correction: a new declaration or step that replaced `correctsId`. */
export interface Correction {
  readonly kind: 'mining-source' | 'processing-step';
  readonly correctsId: string;
  readonly replacementId: string;
  readonly reason: string;
}

export interface Shipment {
  readonly declaration: ShipmentDeclaredData;
  readonly inspection: ShipmentInspectedData | null;
  readonly releasedOn: string | null;
  readonly departedAt: string | null;
  readonly arrivedAt: string | null;
}

export interface ConsignmentState {
  readonly registration: ConsignmentRegisteredData | null;
  /** `null` until registered. */
  readonly status: ConsignmentStatus | null;
  /** Every declaration ever made, corrected ones included, by `declarationId`. */
  readonly sources: Readonly<Record<string, MiningSource>>;
  /** Every step ever recorded, corrected ones included, by `stepId`. */
  readonly steps: Readonly<Record<string, ProcessingStep>>;
  readonly corrections: readonly Correction[];
  readonly licence: LicenceAttachedData | null;
  readonly endUseDeclaration: EndUseDeclarationFiledData | null;
  readonly shipment: Shipment | null;
  /** A customs hold is in force: nothing may be released until it is lifted. */
  readonly held: boolean;
  readonly endUseChecks: readonly EndUseCheckRecordedData[];
  readonly flags: readonly ConsignmentFlaggedData[];
  /** The latest classification (the shipment declaration's once declared); `null` for consignments registered before the control list. */
  readonly classification: ConsignmentClassifiedData | null;
  /** Licensing officers' notices that this consignment needs a licence (catch-all). */
  readonly licenceNotices: readonly LicenceRequirementNotifiedData[];
}

export const initialConsignmentState = (): ConsignmentState => ({
  registration: null,
  status: null,
  sources: {},
  steps: {},
  corrections: [],
  licence: null,
  endUseDeclaration: null,
  shipment: null,
  held: false,
  endUseChecks: [],
  flags: [],
  classification: null,
  licenceNotices: [],
});

const advance = (state: ConsignmentState, reached: ConsignmentStatus): ConsignmentState => ({
  ...state,
  status: state.status === null ? reached : furthest(state.status, reached),
});

const withShipment = (state: ConsignmentState, change: Partial<Shipment>): ConsignmentState =>
  state.shipment ? { ...state, shipment: { ...state.shipment, ...change } } : state;

export function evolveConsignment(state: ConsignmentState, event: ConsignmentEvent): ConsignmentState {
  switch (event.type) {
    case CONSIGNMENT_REGISTERED:
      return { ...state, registration: event.data, status: 'registered' };
    case MINING_SOURCE_DECLARED:
      return advance({ ...state, sources: { ...state.sources, [event.data.declarationId]: { ...event.data, correctedBy: null } } }, 'sourced');
    case MINING_SOURCE_CORRECTED: {
      const { correctsId, reason, ...replacement } = event.data;
      const original = state.sources[correctsId];
      const sources = {
        ...state.sources,
        ...(original ? { [correctsId]: { ...original, correctedBy: replacement.declarationId } } : {}),
        [replacement.declarationId]: { ...replacement, correctedBy: null },
      };
      const correction: Correction = { kind: 'mining-source', correctsId, replacementId: replacement.declarationId, reason };
      return { ...state, sources, corrections: [...state.corrections, correction] };
    }
    case PROCESSING_STEP_RECORDED:
      return advance({ ...state, steps: { ...state.steps, [event.data.stepId]: { ...event.data, correctedBy: null } } }, 'processed');
    case PROCESSING_STEP_CORRECTED: {
      const { correctsId, reason, ...replacement } = event.data;
      const original = state.steps[correctsId];
      const steps = {
        ...state.steps,
        ...(original ? { [correctsId]: { ...original, correctedBy: replacement.stepId } } : {}),
        [replacement.stepId]: { ...replacement, correctedBy: null },
      };
      const correction: Correction = { kind: 'processing-step', correctsId, replacementId: replacement.stepId, reason };
      return { ...state, steps, corrections: [...state.corrections, correction] };
    }
    case LICENCE_ATTACHED:
      return advance({ ...state, licence: event.data }, 'licensed');
    case END_USE_DECLARATION_FILED:
      return advance({ ...state, endUseDeclaration: event.data }, 'end-use-declared');
    case SHIPMENT_DECLARED:
      return advance(
        { ...state, shipment: { declaration: event.data, inspection: null, releasedOn: null, departedAt: null, arrivedAt: null } },
        'shipment-declared',
      );
    case SHIPMENT_INSPECTED:
      return advance(withShipment(state, { inspection: event.data }), 'inspected');
    case SHIPMENT_HELD:
      return { ...state, held: true };
    case SHIPMENT_HOLD_LIFTED:
      return { ...state, held: false };
    case SHIPMENT_RELEASED:
      return advance(withShipment(state, { releasedOn: event.data.releasedOn }), 'released');
    case SHIPMENT_DEPARTED:
      return advance(withShipment(state, { departedAt: event.data.departedAt }), 'departed');
    case SHIPMENT_ARRIVED:
      return advance(withShipment(state, { arrivedAt: event.data.arrivedAt }), 'arrived');
    case END_USE_CHECK_RECORDED:
      return advance({ ...state, endUseChecks: [...state.endUseChecks, event.data] }, 'end-use-checked');
    case CONSIGNMENT_FLAGGED:
      return { ...state, flags: [...state.flags, event.data] };
    case CONSIGNMENT_CLASSIFIED:
      return { ...state, classification: event.data };
    case LICENCE_REQUIREMENT_NOTIFIED:
      return { ...state, licenceNotices: [...state.licenceNotices, event.data] };
    case CONSIGNMENT_CANCELLED:
      return { ...state, status: 'cancelled' };
    case CONSIGNMENT_CLOSED:
      return { ...state, status: 'closed' };
    default:
      return state;
  }
}

/** The sources in force: declared and not replaced by a correction. */
export const currentSources = (state: ConsignmentState): MiningSource[] =>
  Object.values(state.sources).filter((source) => source.correctedBy === null);

/** The processing steps in force: recorded and not replaced by a correction. */
export const currentSteps = (state: ConsignmentState): ProcessingStep[] =>
  Object.values(state.steps).filter((step) => step.correctedBy === null);
