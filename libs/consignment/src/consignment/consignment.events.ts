import type { Classification } from '@ree/registry/domain';
import type { HsCode, Process, ProductElement, ProductForm, QuotaCategory } from '@ree/shared-kernel';

/** Stored type strings: stable names, never derived from a class name. */
export const CONSIGNMENT_REGISTERED = 'ConsignmentRegistered';
export const MINING_SOURCE_DECLARED = 'MiningSourceDeclared';
export const MINING_SOURCE_CORRECTED = 'MiningSourceCorrected';
export const PROCESSING_STEP_RECORDED = 'ProcessingStepRecorded';
export const PROCESSING_STEP_CORRECTED = 'ProcessingStepCorrected';
export const LICENCE_ATTACHED = 'LicenceAttached';
export const END_USE_DECLARATION_FILED = 'EndUseDeclarationFiled';
export const SHIPMENT_DECLARED = 'ShipmentDeclared';
export const SHIPMENT_INSPECTED = 'ShipmentInspected';
export const SHIPMENT_HELD = 'ShipmentHeld';
export const SHIPMENT_HOLD_LIFTED = 'ShipmentHoldLifted';
export const SHIPMENT_RELEASED = 'ShipmentReleased';
export const SHIPMENT_DEPARTED = 'ShipmentDeparted';
export const SHIPMENT_ARRIVED = 'ShipmentArrived';
export const END_USE_CHECK_RECORDED = 'EndUseCheckRecorded';
export const CONSIGNMENT_FLAGGED = 'ConsignmentFlagged';
export const CONSIGNMENT_CANCELLED = 'ConsignmentCancelled';
export const CONSIGNMENT_CLOSED = 'ConsignmentClosed';
export const CONSIGNMENT_CLASSIFIED = 'ConsignmentClassified';
export const LICENCE_REQUIREMENT_NOTIFIED = 'LicenceRequirementNotified';

/** The schema version each consignment event type is written with today. */
export const CONSIGNMENT_SCHEMA_VERSIONS = {
  [CONSIGNMENT_REGISTERED]: 1,
  [MINING_SOURCE_DECLARED]: 1,
  [MINING_SOURCE_CORRECTED]: 1,
  [PROCESSING_STEP_RECORDED]: 1,
  [PROCESSING_STEP_CORRECTED]: 1,
  [LICENCE_ATTACHED]: 1,
  [END_USE_DECLARATION_FILED]: 1,
  [SHIPMENT_DECLARED]: 1,
  [SHIPMENT_INSPECTED]: 1,
  [SHIPMENT_HELD]: 1,
  [SHIPMENT_HOLD_LIFTED]: 1,
  [SHIPMENT_RELEASED]: 1,
  [SHIPMENT_DEPARTED]: 1,
  [SHIPMENT_ARRIVED]: 1,
  [END_USE_CHECK_RECORDED]: 1,
  [CONSIGNMENT_FLAGGED]: 1,
  [CONSIGNMENT_CANCELLED]: 1,
  [CONSIGNMENT_CLOSED]: 1,
  [CONSIGNMENT_CLASSIFIED]: 1,
  [LICENCE_REQUIREMENT_NOTIFIED]: 1,
} as const;

export const CONSIGNMENT_EVENT_TYPES = Object.keys(CONSIGNMENT_SCHEMA_VERSIONS) as readonly ConsignmentEvent['type'][];

/** The processes are reference data of the shared kernel (the configuration's yield floors name them too). */
export { PROCESSES } from '@ree/shared-kernel';
export type { Process } from '@ree/shared-kernel';

export const END_USE_CATEGORIES = [
  'civil-industrial', 'energy', 'automotive', 'consumer-electronics', 'medical', 'research', 'other',
] as const;
export type EndUseCategory = (typeof END_USE_CATEGORIES)[number];

export const INSPECTION_RESULTS = ['conforming', 'discrepancy'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

export const END_USE_CHECK_OUTCOMES = ['verified', 'not-verified', 'diverted'] as const;
export type EndUseCheckOutcome = (typeof END_USE_CHECK_OUTCOMES)[number];

export interface Party {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly address: string;
}

export interface ConsignmentRegisteredData {
  readonly consignmentId: string;
  readonly exporterOrg: string;
  readonly product: string;
  readonly productForm: ProductForm;
  readonly element: ProductElement;
  readonly hsCode: HsCode;
  readonly quantityKg: number;
  /** Rare-earth content as oxide equivalent: the unit of every quota and mass balance. */
  readonly reoEquivalentKg: number;
  readonly destinationCountry: string;
}

/** Where the material was mined; declaring it draws the mine's quota for the year and category. */
export interface MiningSourceDeclaredData {
  readonly declarationId: string;
  readonly mineId: string;
  readonly quotaYear: number;
  readonly category: QuotaCategory;
  readonly extractionBatchRef: string;
  readonly kgReo: number;
  /** YYYY-MM-DD. */
  readonly extractedOn: string;
}

/** A new declaration (its own `declarationId`) that replaces the one named by `correctsId`. */
export interface MiningSourceCorrectedData extends MiningSourceDeclaredData {
  readonly correctsId: string;
  readonly reason: string;
}

export interface Facility {
  readonly id: string;
  readonly name: string;
  readonly region: string;
}

/** Quantities are REO-equivalent, so that a step's mass balance means something across forms. */
export interface ProcessingStepRecordedData {
  readonly stepId: string;
  readonly facility: Facility;
  readonly process: Process;
  readonly inputForm: ProductForm;
  readonly outputForm: ProductForm;
  readonly inputKgReo: number;
  readonly outputKgReo: number;
  /** YYYY-MM-DD. */
  readonly completedOn: string;
}

/** A new step (its own `stepId`) that replaces the one named by `correctsId`. */
export interface ProcessingStepCorrectedData extends ProcessingStepRecordedData {
  readonly correctsId: string;
  readonly reason: string;
}

export interface LicenceAttachedData {
  readonly licenceId: string;
  readonly allocatedKg: number;
}

export interface EndUseDeclarationFiledData {
  readonly declarationId: string;
  readonly endUser: Party;
  readonly endUse: string;
  readonly endUseCategory: EndUseCategory;
  readonly commitments: {
    readonly noMilitaryUse: boolean;
    readonly noReexportWithoutConsent: boolean;
    readonly acceptsPostShipmentChecks: boolean;
  };
  readonly signatory: { readonly name: string; readonly title: string };
  readonly signedOn: string;
  readonly documentSha256: string;
}

export interface ShipmentDeclaredData {
  readonly customsDeclarationNo: string;
  readonly portOfExport: string;
  readonly carrier: string;
  readonly containerNos: readonly string[];
  readonly declaredNetKg: number;
  readonly hsCode: HsCode;
  readonly destinationCountry: string;
  readonly declaredOn: string;
  /**
   * The remark the customs declaration carries: whether the control list in force on `declaredOn`
   * names the item (the consignment's `ConsignmentClassified` of stage `shipment-declaration`,
   * appended with it). Absent from the declarations recorded before the control list (issue 12).
   */
  readonly controlRemark?: ControlRemark;
}

/** What a customs declaration says of its goods: on the control list in force that day, or not. */
export const CONTROL_REMARKS = ['controlled', 'not-controlled'] as const;
export type ControlRemark = (typeof CONTROL_REMARKS)[number];

/** When a consignment is classified: at its registration and again at its shipment declaration. */
export const CLASSIFICATION_STAGES = ['registration', 'shipment-declaration'] as const;
export type ClassificationStage = (typeof CLASSIFICATION_STAGES)[number];

/**
 * The item classified by the control list in force on the day (`classification.on`): the
 * registration's day, or the shipment declaration's `declaredOn`. `listPosition` is the position of
 * the control-list read model the list was read at (`null` when it had folded nothing yet), so
 * that an auditor can rebuild the list that was applied.
 */
export interface ConsignmentClassifiedData {
  readonly stage: ClassificationStage;
  readonly classification: Classification;
  readonly listPosition: string | null;
}

/**
 * A licensing officer's notice to the exporter that this consignment needs a licence whatever the
 * control list says (a catch-all ground of its own). `notifiedBy` is the officer's `sub`.
 */
export interface LicenceRequirementNotifiedData {
  readonly noticeId: string;
  readonly reason: string;
  readonly notifiedBy: string;
  /** YYYY-MM-DD. */
  readonly notifiedOn: string;
}

export interface ShipmentInspectedData {
  readonly inspectedOn: string;
  readonly measuredNetKg: number;
  readonly sealNos: readonly string[];
  readonly result: InspectionResult;
  readonly notes: string;
}

export interface ReasonData {
  readonly reason: string;
}

export interface ShipmentReleasedData {
  readonly releasedOn: string;
}

export interface ShipmentDepartedData {
  readonly departedAt: string;
  readonly vesselOrFlight: string;
}

export interface ShipmentArrivedData {
  readonly arrivedAt: string;
  readonly portOfArrival: string;
  readonly confirmedBy: string;
}

export interface EndUseCheckRecordedData {
  readonly checkedOn: string;
  readonly outcome: EndUseCheckOutcome;
  readonly notes: string;
}

/** Raised by the system (jobs, process managers), never by a request body. */
export interface ConsignmentFlaggedData {
  readonly code: string;
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly detail: string;
}

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export type ConsignmentRegistered = Event<typeof CONSIGNMENT_REGISTERED, ConsignmentRegisteredData>;
export type MiningSourceDeclared = Event<typeof MINING_SOURCE_DECLARED, MiningSourceDeclaredData>;
export type MiningSourceCorrected = Event<typeof MINING_SOURCE_CORRECTED, MiningSourceCorrectedData>;
export type ProcessingStepRecorded = Event<typeof PROCESSING_STEP_RECORDED, ProcessingStepRecordedData>;
export type ProcessingStepCorrected = Event<typeof PROCESSING_STEP_CORRECTED, ProcessingStepCorrectedData>;
export type LicenceAttached = Event<typeof LICENCE_ATTACHED, LicenceAttachedData>;
export type EndUseDeclarationFiled = Event<typeof END_USE_DECLARATION_FILED, EndUseDeclarationFiledData>;
export type ShipmentDeclared = Event<typeof SHIPMENT_DECLARED, ShipmentDeclaredData>;
export type ShipmentInspected = Event<typeof SHIPMENT_INSPECTED, ShipmentInspectedData>;
export type ShipmentHeld = Event<typeof SHIPMENT_HELD, ReasonData>;
export type ShipmentHoldLifted = Event<typeof SHIPMENT_HOLD_LIFTED, ReasonData>;
export type ShipmentReleased = Event<typeof SHIPMENT_RELEASED, ShipmentReleasedData>;
export type ShipmentDeparted = Event<typeof SHIPMENT_DEPARTED, ShipmentDepartedData>;
export type ShipmentArrived = Event<typeof SHIPMENT_ARRIVED, ShipmentArrivedData>;
export type EndUseCheckRecorded = Event<typeof END_USE_CHECK_RECORDED, EndUseCheckRecordedData>;
export type ConsignmentFlagged = Event<typeof CONSIGNMENT_FLAGGED, ConsignmentFlaggedData>;
export type ConsignmentCancelled = Event<typeof CONSIGNMENT_CANCELLED, ReasonData>;
export type ConsignmentClosed = Event<typeof CONSIGNMENT_CLOSED, Record<string, never>>;
export type ConsignmentClassified = Event<typeof CONSIGNMENT_CLASSIFIED, ConsignmentClassifiedData>;
export type LicenceRequirementNotified = Event<typeof LICENCE_REQUIREMENT_NOTIFIED, LicenceRequirementNotifiedData>;

export type ConsignmentEvent =
  | ConsignmentRegistered
  | MiningSourceDeclared
  | MiningSourceCorrected
  | ProcessingStepRecorded
  | ProcessingStepCorrected
  | LicenceAttached
  | EndUseDeclarationFiled
  | ShipmentDeclared
  | ShipmentInspected
  | ShipmentHeld
  | ShipmentHoldLifted
  | ShipmentReleased
  | ShipmentDeparted
  | ShipmentArrived
  | EndUseCheckRecorded
  | ConsignmentFlagged
  | ConsignmentCancelled
  | ConsignmentClosed
  | ConsignmentClassified
  | LicenceRequirementNotified;
