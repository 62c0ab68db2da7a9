import { type Decider, DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { CONTROL_ANNOUNCEMENT_ADOPTED, type ControlAnnouncementEvent } from '../../control-list/control-announcement.events';
import { checkNumberFree, type WithAdoptedNumber } from '../../control-list/control-announcement.rules';
import {
  type ControlAnnouncementState,
  evolveControlAnnouncement,
  initialControlAnnouncementState,
} from '../../control-list/control-announcement.state';
import type { AdoptControlAnnouncementCommand } from './adopt-control-announcement.command';

/**
 * `four-eyes-required` (docs/domain.md, "Rules"), as for a licence's countersignature: the
 * adopting officer is not the proposing one, so that no single officer changes what needs a
 * licence. `announcement-number-taken`: another announcement with the same number is adopted
 * already. Only a proposed announcement is adopted (`invalid-transition`); the same officer's
 * adoption sent again stays quiet.
 */
export function adoptControlAnnouncement(
  command: WithAdoptedNumber<AdoptControlAnnouncementCommand>,
  state: ControlAnnouncementState,
): ControlAnnouncementEvent[] {
  if (state.status === 'unknown') throw new NotFound('Control announcement', command.announcementId);
  const officer = command.context.actor.sub;
  if (state.status === 'adopted' && state.adoptedBy === officer) return [];
  if (state.status !== 'proposed' || state.proposal === null) {
    throw new DomainRuleViolation('invalid-transition', `Control announcement ${command.announcementId} is ${state.status}, not proposed`);
  }
  if (officer === state.proposal.proposedBy) {
    throw new DomainRuleViolation('four-eyes-required', `Control announcement ${command.announcementId}: the proposing officer cannot also adopt it`);
  }
  checkNumberFree(state.proposal.number, command.announcementId, command.adoptedAs);
  return [{ type: CONTROL_ANNOUNCEMENT_ADOPTED, data: { adoptedBy: officer } }];
}

export const adoptControlAnnouncementDecider: Decider<
  WithAdoptedNumber<AdoptControlAnnouncementCommand>,
  ControlAnnouncementState,
  ControlAnnouncementEvent
> = {
  decide: adoptControlAnnouncement,
  evolve: evolveControlAnnouncement,
  initialState: initialControlAnnouncementState,
};
