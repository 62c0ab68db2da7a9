import { LICENCE_REJECTED, LicenceEvent } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { RejectLicenceCommand } from './reject-licence.command';

/**
 * An application can be rejected until it is issued, including after the first officer's
 * approval (the countersigning officer's refusal). An issued licence is suspended or revoked instead.
 */
export function rejectLicence(command: RejectLicenceCommand, state: LicenceState): LicenceEvent[] {
  requireStatus(state, command.licenceId, 'rejected', ['applied', 'screened', 'approved']);
  return [{ type: LICENCE_REJECTED, data: { reason: command.reason } }];
}

export const rejectLicenceDecider = licenceDecider(rejectLicence);
