import type {
  ClassificationStage,
  ConsignmentClassifiedData,
  ConsignmentStatus,
  EndUseCheckOutcome,
  EndUseDeclarationFiledData,
  Facility,
  InspectionResult,
  Process,
} from '@ree/consignment/domain';
import type { EndorsementState } from '@ree/licensing/domain';
import type { Actor } from '@ree/shared-kernel';

/** The six stages of the review (docs/api.md, "The whole-process review"), from the mine to the post-shipment check. */
export const STAGE_NAMES = ['mining', 'processing', 'licence', 'endUse', 'shipment', 'verification'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** `flagged`: a red flag points at the stage; `blocked`: a hold, a suspended licence or a cancel stops it. */
export type StageStatus = 'pending' | 'done' | 'blocked' | 'flagged';

/** `at` and `by` are those of the latest event that touched the stage. */
export interface Stage {
  readonly status: StageStatus;
  readonly at?: string;
  readonly by?: Actor;
}

/** A mining source in force; a correction takes the place of the source it corrects. */
export interface ReviewMiningSource {
  readonly declarationId: string;
  readonly mineId: string;
  /** From the mine's registration, when its stream was part of the input. */
  readonly mineName: string | null;
  readonly quotaYear: number;
  readonly category: string;
  readonly extractionBatchRef: string;
  readonly kgReo: number;
  readonly extractedOn: string;
  /** `drawn` once the mine's stream shows the draw, `returned` once it was given back. */
  readonly quota: 'unknown' | 'drawn' | 'returned';
  readonly declaredAt: string;
  readonly correctsId: string | null;
  readonly correctionReason: string | null;
}

/** A processing step in force, with its yield (output over input REO, four decimals). */
export interface ReviewProcessingStep {
  readonly stepId: string;
  readonly facility: Facility;
  readonly process: Process;
  readonly inputForm: string;
  readonly outputForm: string;
  readonly inputKgReo: number;
  readonly outputKgReo: number;
  readonly yield: number | null;
  readonly completedOn: string;
  readonly recordedAt: string;
  readonly correctsId: string | null;
  readonly correctionReason: string | null;
}

export interface MassBalance {
  /** The sum of the mining sources in force. */
  readonly sourcedKgReo: number;
  /** The last processing step's output, or what was sourced when nothing was processed. */
  readonly finalKgReo: number;
  readonly overallYield: number | null;
}

/** A customs declaration endorsed on the licence (this consignment's or another's); `withdrawnReason` once it no longer counts. */
export type ReviewEndorsement = EndorsementState;

/** The attached licence as it stands: `allocatedKg` is this consignment's share, `remainingKg` the licence's. */
export interface ReviewLicence {
  readonly licenceId: string;
  readonly status: string;
  readonly validUntil: string | null;
  readonly allocatedKg: number;
  readonly shippedKg: number;
  /** Null when the licence stream was not part of the input. */
  readonly remainingKg: number | null;
  /** `single-use`, `multi-use` or `general`; null for a licence applied for before kinds, or when its stream was not part of the input. */
  readonly kind: string | null;
  /** The customs office the licence names, if any. */
  readonly customsOffice: string | null;
  /** Every declaration endorsed on the licence, by number. */
  readonly endorsements: readonly ReviewEndorsement[];
  /** Declarations the licence may still be endorsed with; null when its kind sets no number. */
  readonly declarationsLeft: number | null;
}

export type ReviewEndUse = EndUseDeclarationFiledData & { readonly filedAt: string };

export interface ReviewShipment {
  readonly customsDeclarationNo: string;
  readonly portOfExport: string;
  readonly carrier: string;
  readonly containerNos: readonly string[];
  readonly declaredNetKg: number;
  readonly hsCode: string;
  readonly destinationCountry: string;
  readonly declaredOn: string;
  /** The declaration's customs remark; null for declarations recorded before the control list. */
  readonly controlRemark: 'controlled' | 'not-controlled' | null;
  readonly inspection: { readonly inspectedOn: string; readonly measuredNetKg: number; readonly result: InspectionResult; readonly sealNos: readonly string[]; readonly notes: string } | null;
  readonly held: boolean;
  readonly holdReason: string | null;
  readonly releasedOn: string | null;
  readonly departedAt: string | null;
  readonly vesselOrFlight: string | null;
  readonly arrivedAt: string | null;
  readonly portOfArrival: string | null;
}

/**
 * The consignment's latest classification (the shipment declaration's once declared, else the
 * registration's): the day whose control list was applied (`on`), the list's read-model position,
 * whether the list names the item and by which entries and announcements, the catch-all grounds,
 * and whether a licence was required then. Null for consignments registered before the control list.
 */
export type ReviewClassification = ConsignmentClassifiedData['classification'] & {
  readonly stage: ClassificationStage;
  readonly listPosition: string | null;
  readonly classifiedAt: string;
};

/** A licensing officer's notice that the consignment needs a licence (a catch-all ground at the shipment declaration). */
export interface ReviewLicenceNotice {
  readonly noticeId: string;
  readonly reason: string;
  readonly notifiedBy: string;
  readonly notifiedOn: string;
  readonly recordedAt: string;
}

export interface ReviewCheck {
  readonly checkedOn: string;
  readonly outcome: EndUseCheckOutcome;
  readonly notes: string;
  readonly recordedAt: string;
  readonly by: Actor;
}

/**
 * A red flag as raised: the fields of docs/api.md, "The whole-process review", `key` (which tells two flags of one code apart, e.g.
 * `LOW_YIELD:<stepId>`; the code itself for the others) and `clearedAt`, the `recordedAt` of the
 * event after which it no longer held (null while open). A detail that changes while open is
 * rewritten in place; a flag raised again after it cleared is a new entry.
 */
export interface ReviewFlag {
  readonly code: string;
  readonly severity: string;
  readonly raisedAt: string;
  readonly detail: string;
  readonly key: string;
  readonly clearedAt: string | null;
}

/** One readable line per event that concerned the consignment, in global order. */
export interface TimelineEntry {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly at: string;
  readonly actor: Actor;
  readonly summary: string;
}

/** The whole-process review document (docs/api.md, "The whole-process review"). Registration fields are null until the registration is folded. */
export interface ReviewDocument {
  readonly consignmentId: string | null;
  readonly status: ConsignmentStatus | null;
  readonly exporterOrg: string | null;
  readonly product: string | null;
  readonly productForm: string | null;
  readonly element: string | null;
  readonly hsCode: string | null;
  readonly quantityKg: number | null;
  readonly reoEquivalentKg: number | null;
  readonly destinationCountry: string | null;
  readonly classification: ReviewClassification | null;
  readonly licenceNotices: readonly ReviewLicenceNotice[];
  readonly stages: Readonly<Record<StageName, Stage>>;
  readonly miningSources: readonly ReviewMiningSource[];
  readonly processingSteps: readonly ReviewProcessingStep[];
  readonly massBalance: MassBalance;
  readonly licence: ReviewLicence | null;
  readonly endUse: ReviewEndUse | null;
  readonly shipment: ReviewShipment | null;
  readonly checks: readonly ReviewCheck[];
  readonly flags: readonly ReviewFlag[];
  readonly timeline: readonly TimelineEntry[];
  /** The global position of the last event that concerned the document. */
  readonly lastPosition: string | null;
}
