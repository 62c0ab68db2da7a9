import {
  CONTROL_ANNOUNCEMENT_ADOPTED,
  CONTROL_ANNOUNCEMENT_PROPOSED,
  CONTROL_ANNOUNCEMENT_REJECTED,
  type ControlAnnouncementEvent,
  type ControlAnnouncementProposedData,
} from './control-announcement.events';

/** `unknown`: nothing recorded yet. Only an `adopted` announcement is part of the control list. */
export type ControlAnnouncementStatus = 'unknown' | 'proposed' | 'adopted' | 'rejected';

export interface ControlAnnouncementState {
  readonly status: ControlAnnouncementStatus;
  readonly proposal: ControlAnnouncementProposedData | null;
  readonly adoptedBy: string | null;
  readonly rejectedBy: string | null;
  readonly rejectionReason: string | null;
}

export const initialControlAnnouncementState = (): ControlAnnouncementState => ({
  status: 'unknown',
  proposal: null,
  adoptedBy: null,
  rejectedBy: null,
  rejectionReason: null,
});

export function evolveControlAnnouncement(state: ControlAnnouncementState, event: ControlAnnouncementEvent): ControlAnnouncementState {
  switch (event.type) {
    case CONTROL_ANNOUNCEMENT_PROPOSED:
      return { ...state, status: 'proposed', proposal: event.data };
    case CONTROL_ANNOUNCEMENT_ADOPTED:
      return { ...state, status: 'adopted', adoptedBy: event.data.adoptedBy };
    case CONTROL_ANNOUNCEMENT_REJECTED:
      return { ...state, status: 'rejected', rejectedBy: event.data.rejectedBy, rejectionReason: event.data.reason };
    default:
      return state;
  }
}

