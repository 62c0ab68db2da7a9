import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_HELD } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable, shipmentBeforeRelease } from '../../consignment/shipment-stage';
import { HoldShipmentCommand } from './hold-shipment.command';

/**
 * Holds happen between the declaration and the release (docs/domain.md, "Lifecycle of a consignment"). One hold at a time: a hold on
 * a held shipment is `invalid-transition`, so that every lift answers exactly one hold.
 */
export function holdShipment(command: HoldShipmentCommand, state: ConsignmentState): ConsignmentEvent[] {
  assertActionable(state, command.consignmentId, command.context.actor);
  shipmentBeforeRelease(state, command.consignmentId, 'held');
  if (state.held) throw invalidTransition(`The shipment of consignment ${command.consignmentId} is held already`);
  return [{ type: SHIPMENT_HELD, data: { reason: command.reason } }];
}

export const holdShipmentDecider: Decider<HoldShipmentCommand, ConsignmentState, ConsignmentEvent> = {
  decide: holdShipment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
