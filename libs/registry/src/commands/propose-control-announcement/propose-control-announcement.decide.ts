import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { CONTROL_ANNOUNCEMENT_PROPOSED, type ControlAnnouncementEvent, type ControlAnnouncementProposedData } from '../../control-list/control-announcement.events';
import { checkAnnouncement, checkNumberFree, type WithAdoptedNumber } from '../../control-list/control-announcement.rules';
import {
  type ControlAnnouncementState,
  evolveControlAnnouncement,
  initialControlAnnouncementState,
} from '../../control-list/control-announcement.state';
import type { ProposeControlAnnouncementCommand } from './propose-control-announcement.command';

const withoutProposer = ({ proposedBy: _proposedBy, ...rest }: ControlAnnouncementProposedData) => rest;
const sameProposal = (a: ControlAnnouncementProposedData, b: ControlAnnouncementProposedData): boolean =>
  JSON.stringify(withoutProposer(a)) === JSON.stringify(withoutProposer(b)) && a.proposedBy === b.proposedBy;

/**
 * A proposal is checked as a licensing officer would read the text (`checkAnnouncement`:
 * `announcement-dates-invalid`, `suspension-period-invalid`, `control-code-repeated`) and refused
 * when its number is adopted already (`announcement-number-taken`). The same proposal sent again
 * (a retry with the same idempotency key) stays quiet; anything else on an existing id is
 * `invalid-transition`.
 */
export function proposeControlAnnouncement(
  command: WithAdoptedNumber<ProposeControlAnnouncementCommand>,
  state: ControlAnnouncementState,
): ControlAnnouncementEvent[] {
  const proposal: ControlAnnouncementProposedData = {
    announcementId: command.announcementId,
    ...command.announcement,
    changes: [...command.announcement.changes],
    proposedBy: command.context.actor.sub,
    note: command.note,
    citation: command.citation,
  };
  if (state.proposal && sameProposal(state.proposal, proposal)) return [];
  if (state.status !== 'unknown') {
    throw new DomainRuleViolation('invalid-transition', `Control announcement ${command.announcementId} exists already`);
  }
  checkAnnouncement(proposal);
  checkNumberFree(proposal.number, proposal.announcementId, command.adoptedAs);
  return [{ type: CONTROL_ANNOUNCEMENT_PROPOSED, data: proposal }];
}

export const proposeControlAnnouncementDecider: Decider<
  WithAdoptedNumber<ProposeControlAnnouncementCommand>,
  ControlAnnouncementState,
  ControlAnnouncementEvent
> = {
  decide: proposeControlAnnouncement,
  evolve: evolveControlAnnouncement,
  initialState: initialControlAnnouncementState,
};
