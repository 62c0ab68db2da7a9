import type { Actor } from '@ree/shared-kernel';
import type { ConsignmentRegisteredData } from './consignment.events';
import { assertOpen, invalidTransition, visibleRegistration } from './consignment.errors';
import type { ConsignmentState, Shipment } from './consignment.state';

/**
 * What every customs step and end-use check needs first: a consignment the actor may act on
 * (404 otherwise) that is neither closed nor cancelled (`invalid-transition`).
 */
export function assertActionable(state: ConsignmentState, consignmentId: string, actor: Actor): ConsignmentRegisteredData {
  const registration = visibleRegistration(state, consignmentId, actor);
  assertOpen(state, consignmentId);
  return registration;
}

/** The declared shipment; every customs step after the declaration needs one (`invalid-transition`). */
export function declaredShipment(state: ConsignmentState, consignmentId: string, step: string): Shipment {
  if (!state.shipment) throw invalidTransition(`Consignment ${consignmentId} has no shipment declared: it cannot be ${step}`);
  return state.shipment;
}

/**
 * Inspections and holds happen between the declaration and the release (docs/domain.md, "Lifecycle of a consignment"): once
 * released, the goods have left customs' hands.
 */
export function shipmentBeforeRelease(state: ConsignmentState, consignmentId: string, step: string): Shipment {
  const shipment = declaredShipment(state, consignmentId, step);
  if (shipment.releasedOn !== null) {
    throw invalidTransition(`The shipment of consignment ${consignmentId} was released on ${shipment.releasedOn}: it cannot be ${step}`);
  }
  return shipment;
}
