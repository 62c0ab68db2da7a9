import { type Decider } from '@ree/shared-kernel';
import { utcDay } from '../../consignment/classification';
import { ConsignmentEvent, LICENCE_REQUIREMENT_NOTIFIED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { assertActionable } from '../../consignment/shipment-stage';
import { NotifyLicenceRequirementCommand } from './notify-licence-requirement.command';

/**
 * A notice counts for the shipment declaration, which classifies the item with it: it is given
 * until the shipment is declared (`invalid-transition` after, and after close or cancel). Several
 * notices may be given; the same notice again (a retry) is quiet.
 */
export function notifyLicenceRequirement(command: NotifyLicenceRequirementCommand, state: ConsignmentState): ConsignmentEvent[] {
  const { consignmentId, noticeId, reason, context } = command;
  assertActionable(state, consignmentId, context.actor);
  if (state.licenceNotices.some((notice) => notice.noticeId === noticeId)) return [];
  if (state.shipment) {
    throw invalidTransition(`The shipment of consignment ${consignmentId} is declared: a licence notice can no longer change its classification`);
  }
  return [{ type: LICENCE_REQUIREMENT_NOTIFIED, data: { noticeId, reason, notifiedBy: context.actor.sub, notifiedOn: utcDay(context.now) } }];
}

export const notifyLicenceRequirementDecider: Decider<NotifyLicenceRequirementCommand, ConsignmentState, ConsignmentEvent> = {
  decide: notifyLicenceRequirement,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
