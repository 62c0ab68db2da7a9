import {
  ConsignmentEvent,
  evolveFlaggableConsignment,
  FlaggableConsignment,
  flagConsignment,
  initialFlaggableConsignment,
} from '@ree/consignment/domain';
import { daysAfter, evaluateFlags, evolveFlagState, type FlagPolicy, FlagState, initialFlagState } from '@ree/review/domain';
import type { Decider } from '@ree/shared-kernel';

/** The two flags that need the clock: no arrival after departure, no end-use check after arrival. */
export type DeadlineFlagCode = 'ARRIVAL_NOT_CONFIRMED' | 'END_USE_CHECK_OVERDUE';

/** The deadline of a code, counted from the departure or the arrival as the flag rules count it (whole 24-hour days). */
export function deadlineAt(code: DeadlineFlagCode, since: string, policy: FlagPolicy): Date {
  return daysAfter(since, code === 'ARRIVAL_NOT_CONFIRMED' ? policy.arrivalDueDays : policy.endUseCheckDueDays);
}

/** A deadline job's question at its own time `now`: is this flag in force, and not yet on record? */
export interface RaiseDeadlineFlagCommand {
  readonly consignmentId: string;
  readonly code: DeadlineFlagCode;
  readonly now: Date;
  readonly policy: FlagPolicy;
}

/** The consignment's stream folded twice: for the flag rules, and for what the system has already flagged. */
export interface DeadlineState {
  readonly flags: FlagState;
  readonly flaggable: FlaggableConsignment;
}

export const initialDeadlineState = (): DeadlineState => ({ flags: initialFlagState(), flaggable: initialFlaggableConsignment() });

export const evolveDeadlineState = (state: DeadlineState, event: ConsignmentEvent): DeadlineState => ({
  flags: evolveFlagState(state.flags, event),
  flaggable: evolveFlaggableConsignment(state.flaggable, event),
});

/**
 * When the flag of `code` comes into force if nothing happens first, or null when it never will:
 * the arrival deadline while departed and not arrived, the end-use-check deadline while arrived
 * and unchecked; nothing for a cancelled consignment. The policy is the one in force when the job
 * runs, so a changed deadline applies to the jobs still waiting.
 */
export function deadlineDueAt(state: FlagState, code: DeadlineFlagCode, policy: FlagPolicy): Date | null {
  if (state.cancelled) return null;
  if (code === 'ARRIVAL_NOT_CONFIRMED') {
    return state.departedAt !== null && state.arrivedAt === null ? deadlineAt(code, state.departedAt, policy) : null;
  }
  return state.arrivedAt !== null && state.endUseChecks.length === 0 ? deadlineAt(code, state.arrivedAt, policy) : null;
}

/**
 * `ConsignmentFlagged` for the job's code when the flag rules put it in force at `now` and no flag
 * of that code is open (the consignment's `flagConsignment` decides that part): an arrival or
 * check recorded in time, a cancel, or a flag already raised leave nothing to do.
 */
export function raiseDeadlineFlag(command: RaiseDeadlineFlagCommand, state: DeadlineState): ConsignmentEvent[] {
  const flag = evaluateFlags(state.flags, command.now, command.policy).find((candidate) => candidate.code === command.code);
  if (!flag) return [];
  const { code, severity, detail } = flag;
  return flagConsignment({ consignmentId: command.consignmentId, code, severity, detail }, state.flaggable);
}

export const raiseDeadlineFlagDecider: Decider<RaiseDeadlineFlagCommand, DeadlineState, ConsignmentEvent> = {
  decide: raiseDeadlineFlag,
  evolve: evolveDeadlineState,
  initialState: initialDeadlineState,
};
