import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_INSPECTED } from '../../consignment/consignment.events';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable, shipmentBeforeRelease } from '../../consignment/shipment-stage';
import { InspectShipmentCommand } from './inspect-shipment.command';

/**
 * An inspection between the declaration and the release, held or not (goods are often held to be
 * inspected, and inspected again after resealing): each is recorded, the latest in force. The
 * result is the agent's finding as stated; measured against declared mass is compared by the
 * `WEIGHT_DISCREPANCY` flag, not here, so that a finding is never rewritten by arithmetic.
 */
export function inspectShipment(command: InspectShipmentCommand, state: ConsignmentState): ConsignmentEvent[] {
  assertActionable(state, command.consignmentId, command.context.actor);
  shipmentBeforeRelease(state, command.consignmentId, 'inspected');
  return [{ type: SHIPMENT_INSPECTED, data: { ...command.inspection, sealNos: [...command.inspection.sealNos] } }];
}

export const inspectShipmentDecider: Decider<InspectShipmentCommand, ConsignmentState, ConsignmentEvent> = {
  decide: inspectShipment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
