import { DomainRuleViolation } from '@ree/shared-kernel';
import { LICENCE_REVOKED, LicenceEvent } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { RevokeLicenceCommand } from './revoke-licence.command';

/**
 * `four-eyes-required` (docs/domain.md, "Rules"): a suspended licence is revoked by an officer other than the
 * one who suspended it, so that one officer cannot turn a provisional measure into a final one alone.
 */
export function revokeLicence(command: RevokeLicenceCommand, state: LicenceState): LicenceEvent[] {
  requireStatus(state, command.licenceId, 'revoked', ['issued', 'suspended']);
  if (state.status === 'suspended' && state.suspendedBy === command.context.actor.sub) {
    throw new DomainRuleViolation('four-eyes-required', `Licence ${command.licenceId}: the suspending officer cannot also revoke it`);
  }
  return [{ type: LICENCE_REVOKED, data: { reason: command.reason } }];
}

export const revokeLicenceDecider = licenceDecider(revokeLicence);
