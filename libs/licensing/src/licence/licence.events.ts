import type { HsCode, ProductElement } from '@ree/shared-kernel';
import type { ListConsequence, OwnershipLink } from '@ree/registry/domain';

/** Stored type strings: stable names, never derived from a class name. */
export const LICENCE_APPLIED = 'LicenceApplied';
export const LICENCE_SCREENED = 'LicenceScreened';
export const LICENCE_APPROVED = 'LicenceApproved';
export const LICENCE_ISSUED = 'LicenceIssued';
export const LICENCE_REJECTED = 'LicenceRejected';
export const LICENCE_QUANTITY_ALLOCATED = 'LicenceQuantityAllocated';
export const LICENCE_ALLOCATION_RELEASED = 'LicenceAllocationReleased';
export const LICENCE_QUANTITY_SHIPPED = 'LicenceQuantityShipped';
export const LICENCE_SUSPENDED = 'LicenceSuspended';
export const LICENCE_REINSTATED = 'LicenceReinstated';
export const LICENCE_REVOKED = 'LicenceRevoked';
export const LICENCE_EXPIRED = 'LicenceExpired';
export const LICENCE_EXHAUSTED = 'LicenceExhausted';
export const LICENCE_DECLARATION_ENDORSED = 'LicenceDeclarationEndorsed';
export const LICENCE_ENDORSEMENT_WITHDRAWN = 'LicenceEndorsementWithdrawn';

/** The schema version each licence event type is written with today. */
export const LICENCE_SCHEMA_VERSIONS = {
  [LICENCE_APPLIED]: 1,
  [LICENCE_SCREENED]: 1,
  [LICENCE_APPROVED]: 1,
  [LICENCE_ISSUED]: 1,
  [LICENCE_REJECTED]: 1,
  [LICENCE_QUANTITY_ALLOCATED]: 1,
  [LICENCE_ALLOCATION_RELEASED]: 1,
  [LICENCE_QUANTITY_SHIPPED]: 1,
  [LICENCE_SUSPENDED]: 1,
  [LICENCE_REINSTATED]: 1,
  [LICENCE_REVOKED]: 1,
  [LICENCE_EXPIRED]: 1,
  [LICENCE_EXHAUSTED]: 1,
  [LICENCE_DECLARATION_ENDORSED]: 1,
  [LICENCE_ENDORSEMENT_WITHDRAWN]: 1,
} as const;

export const LICENCE_EVENT_TYPES = Object.keys(LICENCE_SCHEMA_VERSIONS) as readonly LicenceEvent['type'][];

/** A foreign party named on the application: the consignee receives the goods, the end user uses them. */
export interface LicenceParty {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly address: string;
}

export interface LicenceItem {
  /** What is exported, in words (e.g. "Neodymium oxide Nd2O3 ≥ 99.5 %"). */
  readonly product: string;
  readonly hsCode: HsCode;
  readonly element: ProductElement;
  /** Requested quantity, kilograms exact to the gram. */
  readonly quantityKg: number;
}

/**
 * What a licence allows by the number of customs declarations made under it:
 * `single-use` one; `multi-use` at most {@link MULTI_USE_DECLARATIONS}, all at the customs office the
 * licence names; `general` any number to its one consignee and end user, for a year at most, granted
 * only to an exporter with an internal control programme and no export-control penalty in three years.
 */
export const LICENCE_KINDS = ['single-use', 'multi-use', 'general'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

/** The most customs declarations a multi-use licence is endorsed with. */
export const MULTI_USE_DECLARATIONS = 12;

/** The exporter's eligibility for a general licence, as declared on the application. */
export interface GeneralLicenceEligibility {
  /** The exporter runs an internal export-control compliance programme. */
  readonly internalControlProgramme: boolean;
  /** The exporter has had no export-control penalty in the last three years. */
  readonly noPenaltiesInThreeYears: boolean;
  /** Where the officer finds the evidence (e.g. the programme's record number); optional. */
  readonly evidence?: string;
}

export interface LicenceAppliedData {
  readonly licenceId: string;
  /** The applicant's organisation, from its token. */
  readonly exporterOrg: string;
  readonly consignee: LicenceParty;
  readonly endUser: LicenceParty;
  /** ISO 3166-1 alpha-2. */
  readonly destinationCountry: string;
  readonly items: readonly LicenceItem[];
  readonly intendedEndUse: string;
  /**
   * The licence's kind; absent from applications recorded before kinds existed, which keep the
   * old behaviour: any number of declarations, at any office (docs/decisions.md, 46).
   */
  readonly kind?: LicenceKind;
  /**
   * The customs office (UN/LOCODE of the port of export) every declaration under the licence goes
   * through: required for a multi-use licence, optional otherwise; absent when not named.
   */
  readonly customsOffice?: string;
  /** A general licence's eligibility facts; absent for the other kinds. */
  readonly eligibility?: GeneralLicenceEligibility;
}

export type ScreenedField = 'consignee' | 'endUser';

export interface LicenceScreeningMatch {
  readonly partyId: string;
  readonly name: string;
  /** In [0, 1]; a match scored at least the threshold. */
  readonly score: number;
  readonly field: ScreenedField;
  /**
   * What was compared, recorded since the skeleton matcher (`…uts39-skeleton…@2`), absent from
   * screenings recorded before it: the party's name or alias that scored best and the licence's
   * name, each with its confusable skeleton.
   */
  readonly listedName?: string;
  readonly listedSkeleton?: string;
  readonly candidateName?: string;
  readonly candidateSkeleton?: string;
  /**
   * The party's list and its consequence (`refuse`, `licence-required`, `flag`), and, for a match through the
   * ownership registry, the chain of majority holdings from the licence's party up to the listed party (empty for a
   * match on the name). Absent from screenings recorded before there were several lists: those matched the one list
   * the product had, the Unreliable Entity List, whose consequence is `refuse`, and never walked ownership.
   */
  readonly listId?: string;
  readonly listName?: string;
  readonly consequence?: ListConsequence;
  readonly chain?: readonly OwnershipLink[];
}

/** The skeletons the licence's parties were screened in (since the skeleton matcher). */
export interface ScreenedSkeletons {
  readonly consignee: string;
  readonly endUser: string;
}

/**
 * The decision capsule: which version of the restricted list (its projection's position), which
 * matcher and which threshold gave which scores, so that a later reader can tell why a licence
 * was or was not held back.
 */
export interface LicenceScreenedData {
  readonly matches: readonly LicenceScreeningMatch[];
  readonly screenedAt: string;
  /** The restricted-party projection's checkpoint when the names were screened; null before it ran. */
  readonly listPosition: string | null;
  readonly algorithm: string;
  readonly threshold: number;
  /** Absent from screenings recorded before the skeleton matcher: a clear screening shows what was compared too. */
  readonly skeletons?: ScreenedSkeletons;
}

/** The first officer's decision. Validity dates are calendar days (YYYY-MM-DD, UTC), both included. */
export interface LicenceApprovedData {
  readonly validFrom: string;
  readonly validUntil: string;
  readonly conditions: readonly string[];
  /** Per item, in the order of the application's items; never more than requested. */
  readonly issuedQuantityKg: readonly number[];
  /** The approving officer's `sub`: the countersigning officer must be someone else. */
  readonly approvedBy: string;
}

/** A second, different officer countersigned: only now may consignments draw on the licence. */
export interface LicenceIssuedData {
  readonly countersignedBy: string;
}

export interface ReasonData {
  readonly reason: string;
}

export interface LicenceSuspendedData extends ReasonData {
  /** The suspending officer's (or the system's) `sub`: a revocation that follows needs someone else. */
  readonly suspendedBy: string;
}

/** Appended by the consignment context: part of an item's issued quantity reserved for one consignment. */
export interface LicenceQuantityAllocatedData {
  readonly consignmentId: string;
  /** The index of the item (in the application's order) the allocation draws on. */
  readonly itemIndex: number;
  readonly hsCode: string;
  readonly kg: number;
}

/** Appended by the consignment context: the total given back by one consignment (not an increment). */
export interface LicenceAllocationReleasedData {
  readonly consignmentId: string;
  readonly kg: number;
  readonly reason: string;
}

/** Appended by the consignment context: what one consignment's shipment carried under the licence. */
export interface LicenceQuantityShippedData {
  readonly consignmentId: string;
  readonly kg: number;
}

/**
 * Appended by the consignment context with a customs declaration under the licence (same command):
 * customs endorses the declaration on the licence, with the quantity it deducts. `number` counts
 * every endorsement ever made on the licence, from 1; a withdrawn one keeps its number.
 */
export interface LicenceDeclarationEndorsedData {
  readonly consignmentId: string;
  readonly customsDeclarationNo: string;
  /** The declaration's customs office: the UN/LOCODE of its port of export. */
  readonly customsOffice: string;
  readonly kg: number;
  /** The declaration's day (YYYY-MM-DD). */
  readonly endorsedOn: string;
  readonly number: number;
}

/**
 * Appended by the consignment context: the declaration was not recorded after all (the
 * consignment refused it), or the consignment was cancelled before release. The declaration no
 * longer counts against the licence's limit.
 */
export interface LicenceEndorsementWithdrawnData {
  readonly consignmentId: string;
  readonly number: number;
  readonly reason: string;
}

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export type LicenceApplied = Event<typeof LICENCE_APPLIED, LicenceAppliedData>;
export type LicenceScreened = Event<typeof LICENCE_SCREENED, LicenceScreenedData>;
export type LicenceApproved = Event<typeof LICENCE_APPROVED, LicenceApprovedData>;
export type LicenceIssued = Event<typeof LICENCE_ISSUED, LicenceIssuedData>;
export type LicenceRejected = Event<typeof LICENCE_REJECTED, ReasonData>;
export type LicenceQuantityAllocated = Event<typeof LICENCE_QUANTITY_ALLOCATED, LicenceQuantityAllocatedData>;
export type LicenceAllocationReleased = Event<typeof LICENCE_ALLOCATION_RELEASED, LicenceAllocationReleasedData>;
export type LicenceQuantityShipped = Event<typeof LICENCE_QUANTITY_SHIPPED, LicenceQuantityShippedData>;
export type LicenceSuspended = Event<typeof LICENCE_SUSPENDED, LicenceSuspendedData>;
export type LicenceReinstated = Event<typeof LICENCE_REINSTATED, ReasonData>;
export type LicenceRevoked = Event<typeof LICENCE_REVOKED, ReasonData>;
export type LicenceExpired = Event<typeof LICENCE_EXPIRED, Record<string, never>>;
export type LicenceExhausted = Event<typeof LICENCE_EXHAUSTED, Record<string, never>>;
export type LicenceDeclarationEndorsed = Event<typeof LICENCE_DECLARATION_ENDORSED, LicenceDeclarationEndorsedData>;
export type LicenceEndorsementWithdrawn = Event<typeof LICENCE_ENDORSEMENT_WITHDRAWN, LicenceEndorsementWithdrawnData>;

export type LicenceEvent =
  | LicenceApplied
  | LicenceScreened
  | LicenceApproved
  | LicenceIssued
  | LicenceRejected
  | LicenceQuantityAllocated
  | LicenceAllocationReleased
  | LicenceQuantityShipped
  | LicenceSuspended
  | LicenceReinstated
  | LicenceRevoked
  | LicenceExpired
  | LicenceExhausted
  | LicenceDeclarationEndorsed
  | LicenceEndorsementWithdrawn;
