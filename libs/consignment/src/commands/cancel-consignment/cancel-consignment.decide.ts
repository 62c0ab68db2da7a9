import type { Decider } from '@ree/shared-kernel';
import { CONSIGNMENT_CANCELLED, ConsignmentEvent } from '../../consignment/consignment.events';
import { assertOpen, invalidTransition, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { hasReached } from '../../consignment/consignment.status';
import { CancelConsignmentCommand } from './cancel-consignment.command';

/**
 * Cancel is allowed before release (docs/domain.md, "Lifecycle of a consignment"), held or not: once customs has released the
 * goods they are on their way out, and only the shipment's own steps and the end-use check can
 * follow. A second cancel is `invalid-transition` like anything after cancel.
 */
export function cancelConsignment(command: CancelConsignmentCommand, state: ConsignmentState): ConsignmentEvent[] {
  visibleRegistration(state, command.consignmentId, command.context.actor);
  assertOpen(state, command.consignmentId);
  if (state.status && hasReached(state.status, 'released')) {
    throw invalidTransition(`Consignment ${command.consignmentId} is ${state.status}: cancel is allowed only before release`);
  }
  return [{ type: CONSIGNMENT_CANCELLED, data: { reason: command.reason } }];
}

export const cancelConsignmentDecider: Decider<CancelConsignmentCommand, ConsignmentState, ConsignmentEvent> = {
  decide: cancelConsignment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
