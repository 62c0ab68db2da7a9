import { aCommandContext, spec } from '@ree/testing';
import { ADOPTER, adopted, ANNOUNCEMENT_ID, proposed, PROPOSER } from '../../testing/control-announcements';
import { CONTROL_ANNOUNCEMENT_ADOPTED, CONTROL_ANNOUNCEMENT_REJECTED } from '../../control-list/control-announcement.events';
import { AdoptControlAnnouncementCommand } from './adopt-control-announcement.command';
import { adoptControlAnnouncementDecider } from './adopt-control-announcement.decide';

const adoptBy = (officer: string, adoptedAs: string | null = null) => ({
  ...new AdoptControlAnnouncementCommand(ANNOUNCEMENT_ID, aCommandContext({ actor: { sub: officer, role: 'licensing-officer' } })),
  adoptedAs,
});

describe('adopt a control announcement', () => {
  it('a second officer adopts the proposal, which makes it count', () => {
    spec(adoptControlAnnouncementDecider).given(proposed).when(adoptBy(ADOPTER)).then([{ type: CONTROL_ANNOUNCEMENT_ADOPTED, data: { adoptedBy: ADOPTER } }]);
  });

  it('four-eyes-required: the proposing officer cannot adopt', () => {
    spec(adoptControlAnnouncementDecider).given(proposed).when(adoptBy(PROPOSER)).thenRefused('four-eyes-required');
  });

  it('announcement-number-taken: an announcement number adopted already is not adopted twice', () => {
    spec(adoptControlAnnouncementDecider).given(proposed).when(adoptBy(ADOPTER, 'the-first-one')).thenRefused('announcement-number-taken');
  });

  it('an announcement never proposed is not found', () => {
    spec(adoptControlAnnouncementDecider).given([]).when(adoptBy(ADOPTER)).thenNotFound();
  });

  it('the same adoption sent again stays quiet', () => {
    spec(adoptControlAnnouncementDecider).given(adopted).when(adoptBy(ADOPTER, ANNOUNCEMENT_ID)).thenNothing();
  });

  it('invalid-transition: only a proposal is adopted', () => {
    spec(adoptControlAnnouncementDecider).given(adopted).when(adoptBy('officer-zhao')).thenRefused('invalid-transition');
    spec(adoptControlAnnouncementDecider)
      .given([...proposed, { type: CONTROL_ANNOUNCEMENT_REJECTED, data: { rejectedBy: 'officer-zhao', reason: 'misread' } }])
      .when(adoptBy(ADOPTER))
      .thenRefused('invalid-transition');
  });
});
