import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, END_USE_CHECK_RECORDED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable } from '../../consignment/shipment-stage';
import { RecordEndUseCheckCommand } from './record-end-use-check.command';

/**
 * An end-use check is made where the goods are used, so only after their arrival
 * (`invalid-transition` before it). Checks may be repeated (a follow-up visit after a finding)
 * until the file is closed; each is on record.
 */
export function recordEndUseCheck(command: RecordEndUseCheckCommand, state: ConsignmentState): ConsignmentEvent[] {
  assertActionable(state, command.consignmentId, command.context.actor);
  if (!state.shipment?.arrivedAt) throw invalidTransition(`The shipment of consignment ${command.consignmentId} has not arrived`);
  return [{ type: END_USE_CHECK_RECORDED, data: { ...command.check } }];
}

export const recordEndUseCheckDecider: Decider<RecordEndUseCheckCommand, ConsignmentState, ConsignmentEvent> = {
  decide: recordEndUseCheck,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
