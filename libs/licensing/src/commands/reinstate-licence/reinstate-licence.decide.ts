import { LICENCE_REINSTATED, LicenceEvent } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { clearedScreening, Screened } from '../screening-outcome';
import { ReinstateLicenceCommand } from './reinstate-licence.command';

/**
 * Reinstating puts a licence back into use, so it is screened like an issue: a suspension for a
 * restricted-party match cannot be lifted while the party is still listed.
 */
export function reinstateLicence(command: Screened<ReinstateLicenceCommand>, state: LicenceState): LicenceEvent[] {
  requireStatus(state, command.licenceId, 'reinstated', ['suspended']);
  return [clearedScreening(command.licenceId, command.screening), { type: LICENCE_REINSTATED, data: { reason: command.reason } }];
}

export const reinstateLicenceDecider = licenceDecider(reinstateLicence);
