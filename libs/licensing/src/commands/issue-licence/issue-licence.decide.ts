import { DomainRuleViolation } from '@ree/shared-kernel';
import { LICENCE_ISSUED, LicenceEvent } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { clearedScreening, Screened } from '../screening-outcome';
import { IssueLicenceCommand } from './issue-licence.command';

/**
 * `four-eyes-required` (docs/domain.md, "Rules"): the countersigning officer is not the approving one, so that
 * no single officer can put a licence into use. Only now can consignments draw on it.
 */
export function issueLicence(command: Screened<IssueLicenceCommand>, state: LicenceState): LicenceEvent[] {
  requireStatus(state, command.licenceId, 'issued', ['approved']);
  const officer = command.context.actor.sub;
  if (officer === state.approvedBy) {
    throw new DomainRuleViolation('four-eyes-required', `Licence ${command.licenceId}: the approving officer cannot also countersign it`);
  }
  return [clearedScreening(command.licenceId, command.screening), { type: LICENCE_ISSUED, data: { countersignedBy: officer } }];
}

export const issueLicenceDecider = licenceDecider(issueLicence);
