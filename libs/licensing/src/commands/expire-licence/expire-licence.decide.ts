import { DomainRuleViolation } from '@ree/shared-kernel';
import { LICENCE_EXPIRED, LicenceEvent } from '../../licence/licence.events';
import { dayOf } from '../../licence/licence.quantities';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { ExpireLicenceCommand } from './expire-licence.command';

/**
 * A licence expires the day after its last valid day, whether issued, suspended or still
 * waiting for its countersignature. Expiring an expired licence again is quiet (the job may run
 * twice); expiring one still valid, or one already ended otherwise, is `invalid-transition`.
 */
export function expireLicence(command: ExpireLicenceCommand, state: LicenceState): LicenceEvent[] {
  if (state.status === 'expired') return [];
  requireStatus(state, command.licenceId, 'expired', ['approved', 'issued', 'suspended']);
  if (!state.validUntil || dayOf(command.now) <= state.validUntil) {
    throw new DomainRuleViolation('invalid-transition', `Licence ${command.licenceId} is valid until ${state.validUntil}`);
  }
  return [{ type: LICENCE_EXPIRED, data: {} }];
}

export const expireLicenceDecider = licenceDecider(expireLicence);
