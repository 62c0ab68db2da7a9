import { type Decider, DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { CONTROL_ANNOUNCEMENT_REJECTED, type ControlAnnouncementEvent } from '../../control-list/control-announcement.events';
import {
  type ControlAnnouncementState,
  evolveControlAnnouncement,
  initialControlAnnouncementState,
} from '../../control-list/control-announcement.state';
import type { RejectControlAnnouncementCommand } from './reject-control-announcement.command';

/**
 * Any licensing officer may reject a proposal, its proposer included (a withdrawal: it takes
 * nothing in, so one pair of eyes is enough). Only a proposal is rejected (`invalid-transition`):
 * an adopted announcement is undone by a later announcement that removes or suspends, as the
 * authority itself would. The same rejection sent again stays quiet.
 */
export function rejectControlAnnouncement(command: RejectControlAnnouncementCommand, state: ControlAnnouncementState): ControlAnnouncementEvent[] {
  if (state.status === 'unknown') throw new NotFound('Control announcement', command.announcementId);
  const officer = command.context.actor.sub;
  if (state.status === 'rejected' && state.rejectedBy === officer && state.rejectionReason === command.reason) return [];
  if (state.status !== 'proposed') {
    throw new DomainRuleViolation('invalid-transition', `Control announcement ${command.announcementId} is ${state.status}, not proposed`);
  }
  return [{ type: CONTROL_ANNOUNCEMENT_REJECTED, data: { rejectedBy: officer, reason: command.reason } }];
}

export const rejectControlAnnouncementDecider: Decider<RejectControlAnnouncementCommand, ControlAnnouncementState, ControlAnnouncementEvent> = {
  decide: rejectControlAnnouncement,
  evolve: evolveControlAnnouncement,
  initialState: initialControlAnnouncementState,
};
