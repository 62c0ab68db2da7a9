import type { ControlAnnouncementEvent, ControlAnnouncementProposedData } from '../control-list/control-announcement.events';
import { CONTROL_ANNOUNCEMENT_ADOPTED, CONTROL_ANNOUNCEMENT_PROPOSED } from '../control-list/control-announcement.events';
import type { ControlAnnouncement } from '../control-list/control-list.state';

/** Shared by the control-announcement decider specs: one announcement and its events. */
export const ANNOUNCEMENT_ID = '5f0c8d52-6a1e-4f4e-9d0b-2b7e1c3a9f10';
export const PROPOSER = 'officer-li';
export const ADOPTER = 'officer-wang';

export const anAnnouncement = (overrides: Partial<ControlAnnouncement> = {}): ControlAnnouncement => ({
  number: 'MOFCOM/GACC Announcement No. 99 of 2026',
  issuer: 'MOFCOM/GACC',
  publishedOn: '2026-03-01',
  effectiveOn: '2026-04-01',
  textUrl: 'https://example.org/announcement-99',
  changes: [
    {
      kind: 'add',
      entry: { controlCode: '1C999.b', description: 'Neodymium oxide', elements: ['Nd'], productForms: ['separated-oxide'], referenceHsCodes: ['2846.90'] },
    },
  ],
  ...overrides,
});

export const proposedData = (announcement = anAnnouncement(), proposedBy = PROPOSER): ControlAnnouncementProposedData => ({
  announcementId: ANNOUNCEMENT_ID,
  ...announcement,
  proposedBy,
  note: null,
  citation: null,
});

export const proposed: ControlAnnouncementEvent[] = [{ type: CONTROL_ANNOUNCEMENT_PROPOSED, data: proposedData() }];
export const adopted: ControlAnnouncementEvent[] = [...proposed, { type: CONTROL_ANNOUNCEMENT_ADOPTED, data: { adoptedBy: ADOPTER } }];
