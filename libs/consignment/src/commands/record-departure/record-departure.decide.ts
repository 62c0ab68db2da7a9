import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_DEPARTED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable, declaredShipment } from '../../consignment/shipment-stage';
import { RecordDepartureCommand } from './record-departure.command';

/** A departure follows the release (`invalid-transition` before it) and happens once. */
export function recordDeparture(command: RecordDepartureCommand, state: ConsignmentState): ConsignmentEvent[] {
  assertActionable(state, command.consignmentId, command.context.actor);
  const shipment = declaredShipment(state, command.consignmentId, 'departed');
  if (shipment.releasedOn === null) throw invalidTransition(`The shipment of consignment ${command.consignmentId} is not released`);
  if (shipment.departedAt !== null) throw invalidTransition(`The shipment of consignment ${command.consignmentId} departed at ${shipment.departedAt}`);
  return [{ type: SHIPMENT_DEPARTED, data: { ...command.departure } }];
}

export const recordDepartureDecider: Decider<RecordDepartureCommand, ConsignmentState, ConsignmentEvent> = {
  decide: recordDeparture,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
