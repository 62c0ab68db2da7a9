import { spec } from '@ree/testing';
import { LICENCE_REQUIREMENT_NOTIFIED } from '../../consignment/consignment.events';
import { asOfficer, cancelled, CONSIGNMENT_ID, registered, sourced, untilShipmentDeclared } from '../../testing/consignment-events';
import { NotifyLicenceRequirementCommand } from './notify-licence-requirement.command';
import { notifyLicenceRequirementDecider } from './notify-licence-requirement.decide';

const REASON = 'The end user supplies a missile programme';
const notify = (noticeId = 'notice-1', context = asOfficer()) => new NotifyLicenceRequirementCommand(CONSIGNMENT_ID, noticeId, REASON, 'op-1', context);
const notified = (noticeId = 'notice-1') =>
  ({ type: LICENCE_REQUIREMENT_NOTIFIED, data: { noticeId, reason: REASON, notifiedBy: asOfficer().actor.sub, notifiedOn: '2025-03-01' } }) as const;

describe("a licensing officer's notice that a licence is required", () => {
  it('records the notice with the officer and the day, before the shipment declaration', () => {
    spec(notifyLicenceRequirementDecider).given([registered, sourced()]).when(notify()).then([notified()]);
  });

  it('a second notice is recorded; the same notice again (a retry) is quiet', () => {
    spec(notifyLicenceRequirementDecider).given([registered, notified()]).when(notify('notice-2')).then([notified('notice-2')]);
    spec(notifyLicenceRequirementDecider).given([registered, notified()]).when(notify()).thenNothing();
  });

  it('invalid-transition: once the shipment is declared, or after cancel', () => {
    spec(notifyLicenceRequirementDecider).given(untilShipmentDeclared).when(notify()).thenRefused('invalid-transition');
    spec(notifyLicenceRequirementDecider).given([registered, cancelled]).when(notify()).thenRefused('invalid-transition');
  });

  it('an unknown consignment is not found', () => {
    spec(notifyLicenceRequirementDecider).given([]).when(notify()).thenNotFound();
  });
});
