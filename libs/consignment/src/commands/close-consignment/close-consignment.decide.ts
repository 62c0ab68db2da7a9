import { type Decider, NotFound } from '@ree/shared-kernel';
import { CONSIGNMENT_CLOSED, ConsignmentEvent } from '../../consignment/consignment.events';
import { assertOpen, invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { CloseConsignmentCommand } from './close-consignment.command';

/**
 * Close is the last step of the lifecycle: only after a post-shipment end-use check is recorded,
 * whatever its outcome (a failed check is answered by flags and the licence's suspension, and the
 * file still closes on the record of it). Anything after close or cancel is `invalid-transition`.
 */
export function closeConsignment(command: CloseConsignmentCommand, state: ConsignmentState): ConsignmentEvent[] {
  if (!state.registration) throw new NotFound('Consignment', command.consignmentId);
  assertOpen(state, command.consignmentId);
  if (state.status !== 'end-use-checked') {
    throw invalidTransition(`Consignment ${command.consignmentId} is ${state.status}: close needs a recorded end-use check`);
  }
  return [{ type: CONSIGNMENT_CLOSED, data: {} }];
}

export const closeConsignmentDecider: Decider<CloseConsignmentCommand, ConsignmentState, ConsignmentEvent> = {
  decide: closeConsignment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
