import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_HOLD_LIFTED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable, shipmentBeforeRelease } from '../../consignment/shipment-stage';
import { LiftShipmentHoldCommand } from './lift-shipment-hold.command';

/** Only a hold in force can be lifted (`invalid-transition` otherwise), with the reason on record. */
export function liftShipmentHold(command: LiftShipmentHoldCommand, state: ConsignmentState): ConsignmentEvent[] {
  assertActionable(state, command.consignmentId, command.context.actor);
  shipmentBeforeRelease(state, command.consignmentId, 'lifted from a hold');
  if (!state.held) throw invalidTransition(`The shipment of consignment ${command.consignmentId} is not held`);
  return [{ type: SHIPMENT_HOLD_LIFTED, data: { reason: command.reason } }];
}

export const liftShipmentHoldDecider: Decider<LiftShipmentHoldCommand, ConsignmentState, ConsignmentEvent> = {
  decide: liftShipmentHold,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
