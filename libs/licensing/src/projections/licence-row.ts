import type { RecordedEvent } from '@ree/shared-kernel';
import {
  LICENCE_APPLIED,
  LICENCE_EXHAUSTED,
  LICENCE_EXPIRED,
  LICENCE_QUANTITY_ALLOCATED,
  LICENCE_REINSTATED,
  LICENCE_REJECTED,
  LICENCE_REVOKED,
  LICENCE_SUSPENDED,
  type LicenceEvent,
} from '../licence/licence.events';
import { evolveLicence, initialLicenceState, type LicenceState } from '../licence/licence.state';

/**
 * One licence as its read model keeps it: the licensing decider's own state, folded with
 * `evolveLicence`, and beside it what the list and the detail show of the envelopes and of the
 * reasons given, which the decider does not need. Every column of `licensing.licences`,
 * `licence_items` and `licence_allocations` is written from this, and read back into it.
 */
export interface LicenceRow {
  readonly licenceId: string;
  /** The last licence event folded; -1 before the first. */
  readonly revision: number;
  readonly state: LicenceState;
  /** The reason given with the latest rejection, suspension, reinstatement or revocation; none once expired or exhausted. */
  readonly statusReason: string | null;
  readonly appliedAt: string | null;
  /** The application's global position: the list's sort key. */
  readonly appliedPosition: string | null;
  readonly updatedAt: string | null;
  /** When each consignment's current allocation was made, keyed by consignment id. */
  readonly allocatedAt: Readonly<Record<string, string>>;
}

export const initialLicenceRow = (licenceId: string): LicenceRow => ({
  licenceId,
  revision: -1,
  state: initialLicenceState(),
  statusReason: null,
  appliedAt: null,
  appliedPosition: null,
  updatedAt: null,
  allocatedAt: {},
});

function statusReasonAfter(reason: string | null, event: LicenceEvent): string | null {
  switch (event.type) {
    case LICENCE_REJECTED:
    case LICENCE_SUSPENDED:
    case LICENCE_REINSTATED:
    case LICENCE_REVOKED:
      return event.data.reason;
    case LICENCE_EXPIRED:
    case LICENCE_EXHAUSTED:
      return null;
    default:
      return reason;
  }
}

/** `evolveLicence`, and the envelope's facts beside it. */
export function evolveLicenceRow(row: LicenceRow, event: RecordedEvent & LicenceEvent): LicenceRow {
  const next: LicenceRow = {
    ...row,
    revision: event.revision,
    state: evolveLicence(row.state, event),
    statusReason: statusReasonAfter(row.statusReason, event),
    updatedAt: event.recordedAt,
  };
  if (event.type === LICENCE_APPLIED) return { ...next, appliedAt: event.recordedAt, appliedPosition: event.position };
  if (event.type === LICENCE_QUANTITY_ALLOCATED) return { ...next, allocatedAt: { ...row.allocatedAt, [event.data.consignmentId]: event.recordedAt } };
  return next;
}
