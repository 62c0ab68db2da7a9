import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_ARRIVED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable, declaredShipment } from '../../consignment/shipment-stage';
import { RecordArrivalCommand } from './record-arrival.command';

/** An arrival follows the departure (`invalid-transition` before it) and happens once. */
export function recordArrival(command: RecordArrivalCommand, state: ConsignmentState): ConsignmentEvent[] {
  assertActionable(state, command.consignmentId, command.context.actor);
  const shipment = declaredShipment(state, command.consignmentId, 'arrived');
  if (shipment.departedAt === null) throw invalidTransition(`The shipment of consignment ${command.consignmentId} has not departed`);
  if (shipment.arrivedAt !== null) throw invalidTransition(`The shipment of consignment ${command.consignmentId} arrived at ${shipment.arrivedAt}`);
  return [{ type: SHIPMENT_ARRIVED, data: { ...command.arrival } }];
}

export const recordArrivalDecider: Decider<RecordArrivalCommand, ConsignmentState, ConsignmentEvent> = {
  decide: recordArrival,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
