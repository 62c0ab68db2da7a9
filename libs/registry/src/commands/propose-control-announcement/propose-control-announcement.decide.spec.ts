import { aCommandContext, spec } from '@ree/testing';
import { anAnnouncement, ANNOUNCEMENT_ID, proposed, proposedData, PROPOSER } from '../../testing/control-announcements';
import type { ControlAnnouncement } from '../../control-list/control-list.state';
import { ProposeControlAnnouncementCommand } from './propose-control-announcement.command';
import { proposeControlAnnouncementDecider } from './propose-control-announcement.decide';

const propose = (announcement: ControlAnnouncement = anAnnouncement(), adoptedAs: string | null = null) => ({
  ...new ProposeControlAnnouncementCommand(ANNOUNCEMENT_ID, announcement, null, null, aCommandContext({ actor: { sub: PROPOSER, role: 'licensing-officer' } })),
  adoptedAs,
});
const suspend = (from: string, until: string): ControlAnnouncement =>
  anAnnouncement({ changes: [{ kind: 'suspend', target: { announcement: 'MOFCOM/GACC Announcement No. 57 of 2025' }, from, until }] });

describe('propose a control announcement', () => {
  it('records the announcement as transcribed, with its proposer', () => {
    spec(proposeControlAnnouncementDecider).given([]).when(propose()).then(proposed);
  });

  it('the same proposal sent again stays quiet; another on the same id is an invalid-transition', () => {
    spec(proposeControlAnnouncementDecider).given(proposed).when(propose()).thenNothing();
    spec(proposeControlAnnouncementDecider).given(proposed).when(propose(anAnnouncement({ effectiveOn: '2026-05-01' }))).thenRefused('invalid-transition');
  });

  it('announcement-dates-invalid: not a calendar day, or in effect before it was published', () => {
    spec(proposeControlAnnouncementDecider).given([]).when(propose(anAnnouncement({ effectiveOn: '2026-02-30' }))).thenRefused('announcement-dates-invalid');
    spec(proposeControlAnnouncementDecider).given([]).when(propose(anAnnouncement({ effectiveOn: '2026-02-28' }))).thenRefused('announcement-dates-invalid');
    spec(proposeControlAnnouncementDecider).given([]).when(propose(suspend('2026-13-01', '2026-12-31'))).thenRefused('announcement-dates-invalid');
  });

  it('an announcement may take effect the day it is published', () => {
    const sameDay = anAnnouncement({ effectiveOn: '2026-03-01' });
    spec(proposeControlAnnouncementDecider).given([]).when(propose(sameDay)).then([{ type: 'ControlAnnouncementProposed', data: proposedData(sameDay) }]);
  });

  it('suspension-period-invalid: a suspension ends on or after the day it starts', () => {
    spec(proposeControlAnnouncementDecider).given([]).when(propose(suspend('2026-11-11', '2026-11-10'))).thenRefused('suspension-period-invalid');
    const oneDay = suspend('2026-11-10', '2026-11-10');
    spec(proposeControlAnnouncementDecider).given([]).when(propose(oneDay)).then([{ type: 'ControlAnnouncementProposed', data: proposedData(oneDay) }]);
  });

  it('control-code-repeated: an announcement words a control code once', () => {
    const twice = anAnnouncement({
      changes: [...anAnnouncement().changes, { kind: 'remove', controlCode: '1C999.b' }],
    });
    spec(proposeControlAnnouncementDecider).given([]).when(propose(twice)).thenRefused('control-code-repeated');
  });

  it('a suspension or amendment naming an announcement or code the list does not hold is taken as published', () => {
    const elsewhere = anAnnouncement({
      changes: [
        { kind: 'suspend', target: { announcement: 'MOFCOM/GACC Announcement No. 55 of 2025' }, from: '2026-04-01', until: '2026-12-31' },
        { kind: 'remove', controlCode: '9Z999' },
      ],
    });
    spec(proposeControlAnnouncementDecider).given([]).when(propose(elsewhere)).then([{ type: 'ControlAnnouncementProposed', data: proposedData(elsewhere) }]);
  });

  it('announcement-number-taken: a number already adopted is not proposed again', () => {
    spec(proposeControlAnnouncementDecider).given([]).when(propose(anAnnouncement(), 'another-announcement')).thenRefused('announcement-number-taken');
  });
});
