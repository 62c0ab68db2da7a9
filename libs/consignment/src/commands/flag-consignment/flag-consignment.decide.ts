import type { Decider } from '@ree/shared-kernel';
import {
  CONSIGNMENT_FLAGGED,
  ConsignmentEvent,
  END_USE_CHECK_RECORDED,
  SHIPMENT_ARRIVED,
} from '../../consignment/consignment.events';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import type { FlagConsignmentCommand } from './flag-consignment.command';

/**
 * The event that clears a flag the system raised, by code: the arrival clears
 * `ARRIVAL_NOT_CONFIRMED`, the next end-use check `END_USE_CHECK_OVERDUE`. Any other code
 * (`RESTRICTED_PARTY_MATCH`) stays open: closing it is a reviewer's decision, not the system's.
 */
export const SYSTEM_FLAG_CLEARED_BY: Readonly<Record<string, ConsignmentEvent['type']>> = {
  ARRIVAL_NOT_CONFIRMED: SHIPMENT_ARRIVED,
  END_USE_CHECK_OVERDUE: END_USE_CHECK_RECORDED,
};

/** The consignment as the flagging decides on it: its state, and the codes of the system's flags still open. */
export interface FlaggableConsignment {
  readonly consignment: ConsignmentState;
  /** Codes of `ConsignmentFlagged` events not cleared since, in the order raised. */
  readonly openFlags: readonly string[];
}

export const initialFlaggableConsignment = (): FlaggableConsignment => ({ consignment: initialConsignmentState(), openFlags: [] });

export function evolveFlaggableConsignment(state: FlaggableConsignment, event: ConsignmentEvent): FlaggableConsignment {
  const consignment = evolveConsignment(state.consignment, event);
  if (event.type === CONSIGNMENT_FLAGGED) {
    const openFlags = state.openFlags.includes(event.data.code) ? state.openFlags : [...state.openFlags, event.data.code];
    return { consignment, openFlags };
  }
  const openFlags = state.openFlags.filter((code) => SYSTEM_FLAG_CLEARED_BY[code] !== event.type);
  return { consignment, openFlags: openFlags.length === state.openFlags.length ? state.openFlags : openFlags };
}

/**
 * Appends `ConsignmentFlagged` unless a flag of that code is already open, so that a job run
 * twice, or two jobs that see the same thing, record it once. It refuses nothing a job may need:
 * a closed or cancelled consignment is flagged too (retro-screening flags consignments long
 * closed). An unknown consignment gets nothing, rather than a stream that starts with a flag.
 */
export function flagConsignment(command: FlagConsignmentCommand, state: FlaggableConsignment): ConsignmentEvent[] {
  if (!state.consignment.registration || state.openFlags.includes(command.code)) return [];
  const { code, severity, detail } = command;
  return [{ type: CONSIGNMENT_FLAGGED, data: { code, severity, detail } }];
}

export const flagConsignmentDecider: Decider<FlagConsignmentCommand, FlaggableConsignment, ConsignmentEvent> = {
  decide: flagConsignment,
  evolve: evolveFlaggableConsignment,
  initialState: initialFlaggableConsignment,
};
