import type { ControlAnnouncement } from './control-list.state';

/** Stored type strings: stable names, never derived from a class name. */
export const CONTROL_ANNOUNCEMENT_PROPOSED = 'ControlAnnouncementProposed';
export const CONTROL_ANNOUNCEMENT_ADOPTED = 'ControlAnnouncementAdopted';
export const CONTROL_ANNOUNCEMENT_REJECTED = 'ControlAnnouncementRejected';

/** The schema version each control-announcement event type is written with today. */
export const CONTROL_ANNOUNCEMENT_SCHEMA_VERSIONS = {
  [CONTROL_ANNOUNCEMENT_PROPOSED]: 1,
  [CONTROL_ANNOUNCEMENT_ADOPTED]: 1,
  [CONTROL_ANNOUNCEMENT_REJECTED]: 1,
} as const;

export const CONTROL_ANNOUNCEMENT_EVENT_TYPES = Object.keys(CONTROL_ANNOUNCEMENT_SCHEMA_VERSIONS) as readonly ControlAnnouncementEvent['type'][];

/**
 * An announcement as a licensing officer (or, for the reference data, the system) transcribes it
 * from the published text, with who proposed it. `note` says in words what the entries cannot
 * (a de minimis rule, a catch-all the text states); `citation` records what of the published text
 * was read and where, and what could not be.
 */
export interface ControlAnnouncementProposedData extends ControlAnnouncement {
  readonly announcementId: string;
  readonly proposedBy: string;
  readonly note: string | null;
  readonly citation: string | null;
}

/** A second, different licensing officer took the announcement in: only now does it count. */
export interface ControlAnnouncementAdoptedData {
  readonly adoptedBy: string;
}

/** A proposal turned down by another officer, or withdrawn by its proposer: it never counts. */
export interface ControlAnnouncementRejectedData {
  readonly rejectedBy: string;
  readonly reason: string;
}

export type ControlAnnouncementProposed = { readonly type: typeof CONTROL_ANNOUNCEMENT_PROPOSED; readonly data: ControlAnnouncementProposedData };
export type ControlAnnouncementAdopted = { readonly type: typeof CONTROL_ANNOUNCEMENT_ADOPTED; readonly data: ControlAnnouncementAdoptedData };
export type ControlAnnouncementRejected = { readonly type: typeof CONTROL_ANNOUNCEMENT_REJECTED; readonly data: ControlAnnouncementRejectedData };

export type ControlAnnouncementEvent = ControlAnnouncementProposed | ControlAnnouncementAdopted | ControlAnnouncementRejected;
