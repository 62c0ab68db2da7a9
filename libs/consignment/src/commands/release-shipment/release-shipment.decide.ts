import { isActiveOn } from '@ree/licensing/domain';
import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_RELEASED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable, shipmentBeforeRelease } from '../../consignment/shipment-stage';
import { ShipmentRelease } from './release-shipment.command';

/**
 * The consignment side of a release: a declared shipment, released once, never while held
 * (`invalid-transition`), under a licence still active on the day (`licence-not-active`), or
 * without one when the shipment was declared without a licence because its classification required
 * none (the declaration's `ConsignmentClassified`). A
 * licence that already records this consignment's shipment is the first half of this very
 * release (a retry after the licence was written): it passes, even if that shipment exhausted it.
 */
export function releaseShipment(command: ShipmentRelease, state: ConsignmentState): ConsignmentEvent[] {
  const { consignmentId, licence } = command;
  assertActionable(state, consignmentId, command.context.actor);
  shipmentBeforeRelease(state, consignmentId, 'released');
  if (state.held) throw invalidTransition(`The shipment of consignment ${consignmentId} is held: lift the hold before release`);
  if (!state.licence && shippedWithoutLicence(state)) return [{ type: SHIPMENT_RELEASED, data: { releasedOn: command.releasedOn } }];
  const shippedAlready = (licence?.allocations[consignmentId]?.shippedGrams ?? 0) > 0;
  if (!state.licence || !licence || (!shippedAlready && !isActiveOn(licence, command.context.now))) {
    throw new DomainRuleViolation(
      'licence-not-active',
      `Licence ${state.licence?.licenceId ?? '(none)'} of consignment ${consignmentId} is ${licence?.status ?? 'missing'} on ${command.context.now.toISOString().slice(0, 10)}`,
    );
  }
  return [{ type: SHIPMENT_RELEASED, data: { releasedOn: command.releasedOn } }];
}

/** The shipment declaration's classification required no licence (declarations recorded before the control list always had one). */
const shippedWithoutLicence = ({ classification }: ConsignmentState): boolean =>
  classification?.stage === 'shipment-declaration' && !classification.classification.licenceRequired;

export const releaseShipmentDecider: Decider<ShipmentRelease, ConsignmentState, ConsignmentEvent> = {
  decide: releaseShipment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
