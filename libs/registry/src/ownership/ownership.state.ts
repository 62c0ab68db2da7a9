import { OWNERSHIP_ENDED, OWNERSHIP_RECORDED, OwnershipEndedData, OwnershipEvent, OwnershipRecordedData } from './ownership.events';

/** `unknown`: nothing recorded; `in-force`: the walk follows it; `ended`: it stays in the history only. */
export type OwnershipStatus = 'unknown' | 'in-force' | 'ended';

export interface OwnershipState {
  readonly status: OwnershipStatus;
  readonly fact: OwnershipRecordedData | null;
  readonly end: OwnershipEndedData | null;
}

export const initialOwnershipState = (): OwnershipState => ({ status: 'unknown', fact: null, end: null });

export function evolveOwnership(state: OwnershipState, event: OwnershipEvent): OwnershipState {
  switch (event.type) {
    case OWNERSHIP_RECORDED:
      return { status: 'in-force', fact: event.data, end: null };
    case OWNERSHIP_ENDED:
      return { ...state, status: 'ended', end: event.data };
    default:
      return state;
  }
}
