import { DomainRuleViolation, NotFound, toGrams } from '@ree/shared-kernel';
import { LICENCE_ALLOCATION_RELEASED, LicenceEvent } from '../../licence/licence.events';
import { heldGrams } from '../../licence/licence.quantities';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider } from '../licence-decider';
import { ReleaseOnLicenceCommand } from './release-on-licence.command';

/**
 * Gives back up to what the consignment still holds, in any status of the licence (giving back
 * is always allowed). Nothing held (never allocated, or released already: a repeat) decides
 * nothing; more than is held is `invalid-transition`. Release the whole hold in one command:
 * a repeated partial release cannot be told from a second one.
 */
export function releaseOnLicence(command: ReleaseOnLicenceCommand, state: LicenceState): LicenceEvent[] {
  const { licenceId, consignmentId, kg, reason } = command;
  if (state.status === 'none') throw new NotFound('Licence', licenceId);
  const allocation = state.allocations[consignmentId];
  const held = allocation ? heldGrams(allocation) : 0;
  if (held === 0) return [];
  if (toGrams(kg) > held) {
    throw new DomainRuleViolation('invalid-transition', `Consignment ${consignmentId} holds ${held / 1000} kg on licence ${licenceId}, not ${kg}`);
  }
  return [{ type: LICENCE_ALLOCATION_RELEASED, data: { consignmentId, kg, reason } }];
}

export const releaseOnLicenceDecider = licenceDecider(releaseOnLicence);
