import type { ConsignmentEvent } from '@ree/consignment/domain';
import type { ReviewShipment } from './review-document';

/** The customs part of the document: one shipment from its declaration to its arrival. */
export function applyShipmentEvent(shipment: ReviewShipment | null, event: ConsignmentEvent): ReviewShipment | null {
  if (event.type === 'ShipmentDeclared') {
    return {
      ...event.data,
      controlRemark: event.data.controlRemark ?? null,
      inspection: null,
      held: false,
      holdReason: null,
      releasedOn: null,
      departedAt: null,
      vesselOrFlight: null,
      arrivedAt: null,
      portOfArrival: null,
    };
  }
  if (shipment === null) return null;
  switch (event.type) {
    case 'ShipmentInspected': {
      const { inspectedOn, measuredNetKg, result, sealNos, notes } = event.data;
      return { ...shipment, inspection: { inspectedOn, measuredNetKg, result, sealNos, notes } };
    }
    case 'ShipmentHeld':
      return { ...shipment, held: true, holdReason: event.data.reason };
    case 'ShipmentHoldLifted':
      return { ...shipment, held: false, holdReason: null };
    case 'ShipmentReleased':
      return { ...shipment, releasedOn: event.data.releasedOn };
    case 'ShipmentDeparted':
      return { ...shipment, departedAt: event.data.departedAt, vesselOrFlight: event.data.vesselOrFlight };
    case 'ShipmentArrived':
      return { ...shipment, arrivedAt: event.data.arrivedAt, portOfArrival: event.data.portOfArrival };
    default:
      return shipment;
  }
}
