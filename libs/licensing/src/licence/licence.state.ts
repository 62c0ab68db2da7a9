import { Grams, toGrams } from '@ree/shared-kernel';
import {
  LICENCE_ALLOCATION_RELEASED,
  LICENCE_APPLIED,
  LICENCE_APPROVED,
  LICENCE_DECLARATION_ENDORSED,
  LICENCE_ENDORSEMENT_WITHDRAWN,
  LICENCE_EXHAUSTED,
  LICENCE_EXPIRED,
  LICENCE_ISSUED,
  LICENCE_QUANTITY_ALLOCATED,
  LICENCE_QUANTITY_SHIPPED,
  LICENCE_REINSTATED,
  LICENCE_REJECTED,
  LICENCE_REVOKED,
  LICENCE_SCREENED,
  LICENCE_SUSPENDED,
  LicenceAppliedData,
  LicenceEvent,
  LicenceItem,
  LicenceScreenedData,
} from './licence.events';

/**
 * `none` before the application; `applied` only between the two events of one append, since an
 * application is screened at once. `rejected`, `revoked`, `expired` and `exhausted` are final.
 */
export const LICENCE_STATUSES = [
  'none', 'applied', 'screened', 'approved', 'issued', 'suspended', 'rejected', 'revoked', 'expired', 'exhausted',
] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export interface LicenceItemState extends LicenceItem {
  readonly requestedGrams: Grams;
  /** Set by the approval; null until then. */
  readonly issuedGrams: Grams | null;
}

/** A customs declaration endorsed on the licence; `withdrawnReason` once it no longer counts. */
export interface EndorsementState {
  readonly number: number;
  readonly consignmentId: string;
  readonly customsDeclarationNo: string;
  readonly customsOffice: string;
  readonly kg: number;
  readonly endorsedOn: string;
  readonly withdrawnReason: string | null;
}

/** One consignment's reservation on the licence, in grams. What it holds is allocated − released − shipped. */
export interface AllocationState {
  readonly itemIndex: number;
  readonly allocatedGrams: Grams;
  readonly releasedGrams: Grams;
  readonly shippedGrams: Grams;
}

export interface LicenceState {
  readonly status: LicenceStatus;
  readonly application: LicenceAppliedData | null;
  /** The latest screening: at application, then again at every approval, issue and reinstatement. */
  readonly screening: LicenceScreenedData | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly conditions: readonly string[];
  readonly items: readonly LicenceItemState[];
  /** Keyed by consignment id. */
  readonly allocations: Readonly<Record<string, AllocationState>>;
  readonly approvedBy: string | null;
  readonly countersignedBy: string | null;
  /** Who suspended it, while it is suspended. */
  readonly suspendedBy: string | null;
  /** Every declaration endorsed on the licence, by number, withdrawn ones included. */
  readonly endorsements: readonly EndorsementState[];
}

export const initialLicenceState = (): LicenceState => ({
  status: 'none',
  application: null,
  screening: null,
  validFrom: null,
  validUntil: null,
  conditions: [],
  items: [],
  allocations: {},
  approvedBy: null,
  countersignedBy: null,
  suspendedBy: null,
  endorsements: [],
});

const NO_ALLOCATION: AllocationState = { itemIndex: 0, allocatedGrams: 0, releasedGrams: 0, shippedGrams: 0 };

function withAllocation(state: LicenceState, consignmentId: string, change: (allocation: AllocationState) => AllocationState): LicenceState {
  const allocation = change(state.allocations[consignmentId] ?? NO_ALLOCATION);
  return { ...state, allocations: { ...state.allocations, [consignmentId]: allocation } };
}

export function evolveLicence(state: LicenceState, event: LicenceEvent): LicenceState {
  switch (event.type) {
    case LICENCE_APPLIED:
      return {
        ...state,
        status: 'applied',
        application: event.data,
        items: event.data.items.map((item) => ({ ...item, requestedGrams: toGrams(item.quantityKg), issuedGrams: null })),
      };
    case LICENCE_SCREENED:
      return { ...state, status: state.status === 'applied' ? 'screened' : state.status, screening: event.data };
    case LICENCE_APPROVED: {
      const { validFrom, validUntil, conditions, issuedQuantityKg, approvedBy } = event.data;
      const items = state.items.map((item, index) => ({ ...item, issuedGrams: toGrams(issuedQuantityKg[index] ?? 0) }));
      return { ...state, status: 'approved', validFrom, validUntil, conditions, items, approvedBy };
    }
    case LICENCE_ISSUED:
      return { ...state, status: 'issued', countersignedBy: event.data.countersignedBy };
    case LICENCE_REJECTED:
      return { ...state, status: 'rejected' };
    case LICENCE_SUSPENDED:
      return { ...state, status: 'suspended', suspendedBy: event.data.suspendedBy };
    case LICENCE_REINSTATED:
      return { ...state, status: 'issued', suspendedBy: null };
    case LICENCE_REVOKED:
      return { ...state, status: 'revoked' };
    case LICENCE_EXPIRED:
      return { ...state, status: 'expired' };
    case LICENCE_EXHAUSTED:
      return { ...state, status: 'exhausted' };
    case LICENCE_QUANTITY_ALLOCATED: {
      const { consignmentId, itemIndex, kg } = event.data;
      // A new allocation after a full release starts the consignment's reservation afresh.
      return withAllocation(state, consignmentId, () => ({ ...NO_ALLOCATION, itemIndex, allocatedGrams: toGrams(kg) }));
    }
    case LICENCE_ALLOCATION_RELEASED: {
      const { consignmentId, kg } = event.data;
      return withAllocation(state, consignmentId, (allocation) => ({ ...allocation, releasedGrams: allocation.releasedGrams + toGrams(kg) }));
    }
    case LICENCE_QUANTITY_SHIPPED: {
      const { consignmentId, kg } = event.data;
      return withAllocation(state, consignmentId, (allocation) => ({ ...allocation, shippedGrams: toGrams(kg) }));
    }
    case LICENCE_DECLARATION_ENDORSED:
      return { ...state, endorsements: [...state.endorsements, { ...event.data, withdrawnReason: null }] };
    case LICENCE_ENDORSEMENT_WITHDRAWN: {
      const { number, reason } = event.data;
      const endorsements = state.endorsements.map((endorsement) => (endorsement.number === number ? { ...endorsement, withdrawnReason: reason } : endorsement));
      return { ...state, endorsements };
    }
    default:
      return state;
  }
}
