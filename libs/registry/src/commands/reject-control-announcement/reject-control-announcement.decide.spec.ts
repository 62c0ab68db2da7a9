import { aCommandContext, spec } from '@ree/testing';
import { ADOPTER, adopted, ANNOUNCEMENT_ID, proposed, PROPOSER } from '../../testing/control-announcements';
import { CONTROL_ANNOUNCEMENT_REJECTED } from '../../control-list/control-announcement.events';
import { RejectControlAnnouncementCommand } from './reject-control-announcement.command';
import { rejectControlAnnouncementDecider } from './reject-control-announcement.decide';

const rejectBy = (officer: string, reason = 'The effective date was misread') =>
  new RejectControlAnnouncementCommand(ANNOUNCEMENT_ID, reason, aCommandContext({ actor: { sub: officer, role: 'licensing-officer' } }));
const rejected = (officer: string) => ({ type: CONTROL_ANNOUNCEMENT_REJECTED, data: { rejectedBy: officer, reason: 'The effective date was misread' } }) as const;

describe('reject a control announcement', () => {
  it('another officer rejects a proposal, which then never counts', () => {
    spec(rejectControlAnnouncementDecider).given(proposed).when(rejectBy(ADOPTER)).then([rejected(ADOPTER)]);
  });

  it('its proposer may withdraw it', () => {
    spec(rejectControlAnnouncementDecider).given(proposed).when(rejectBy(PROPOSER)).then([rejected(PROPOSER)]);
  });

  it('the same rejection sent again stays quiet', () => {
    spec(rejectControlAnnouncementDecider).given([...proposed, rejected(ADOPTER)]).when(rejectBy(ADOPTER)).thenNothing();
  });

  it('an announcement never proposed is not found', () => {
    spec(rejectControlAnnouncementDecider).given([]).when(rejectBy(ADOPTER)).thenNotFound();
  });

  it('invalid-transition: an adopted announcement is not rejected (a later announcement undoes it)', () => {
    spec(rejectControlAnnouncementDecider).given(adopted).when(rejectBy(ADOPTER)).thenRefused('invalid-transition');
  });
});
