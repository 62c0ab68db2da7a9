import { spec } from '@ree/testing';
import { SHIPMENT_HELD } from '../../consignment/consignment.events';
import {
  asExporter,
  asOfficer,
  cancelled,
  CONSIGNMENT_ID,
  departed,
  processed,
  registered,
  released,
  sourced,
  untilEndUseChecked,
  untilShipmentDeclared,
  closed,
} from '../../testing/consignment-events';
import { CancelConsignmentCommand } from './cancel-consignment.command';
import { cancelConsignmentDecider } from './cancel-consignment.decide';

const cancel = (context = asExporter()) => new CancelConsignmentCommand(CONSIGNMENT_ID, 'buyer withdrew', 'op-1', context);
const held = { type: SHIPMENT_HELD, data: { reason: 'seal mismatch' } } as const;

describe('cancel a consignment', () => {
  it('cancels a consignment that is sourced and processed', () => {
    spec(cancelConsignmentDecider).given([registered, sourced(), processed()]).when(cancel()).then([cancelled]);
  });

  it('cancel is allowed up to release, a held shipment included', () => {
    spec(cancelConsignmentDecider).given([...untilShipmentDeclared, held]).when(cancel()).then([cancelled]);
  });

  it('invalid-transition: after release', () => {
    spec(cancelConsignmentDecider).given([...untilShipmentDeclared, released]).when(cancel()).thenRefused('invalid-transition');
    spec(cancelConsignmentDecider).given([...untilShipmentDeclared, released, departed]).when(cancel()).thenRefused('invalid-transition');
  });

  it('invalid-transition: a second cancel, or a cancel after close', () => {
    spec(cancelConsignmentDecider).given([registered, cancelled]).when(cancel()).thenRefused('invalid-transition');
    spec(cancelConsignmentDecider).given([...untilEndUseChecked, closed]).when(cancel()).thenRefused('invalid-transition');
  });

  it("another organisation's consignment is not found", () => {
    spec(cancelConsignmentDecider).given([registered]).when(cancel(asExporter('org-competitor'))).thenNotFound();
  });

  it('a consignment never registered is not found', () => {
    spec(cancelConsignmentDecider).given([]).when(cancel(asOfficer())).thenNotFound();
  });
});
