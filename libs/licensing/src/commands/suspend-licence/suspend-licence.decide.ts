import { LICENCE_SUSPENDED, LicenceEvent } from '../../licence/licence.events';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { SuspendLicenceCommand } from './suspend-licence.command';

/** Only an issued licence is suspended; the suspending officer is recorded for the four-eyes rule of a revocation. */
export function suspendLicence(command: SuspendLicenceCommand, state: LicenceState): LicenceEvent[] {
  requireStatus(state, command.licenceId, 'suspended', ['issued']);
  return [{ type: LICENCE_SUSPENDED, data: { reason: command.reason, suspendedBy: command.context.actor.sub } }];
}

export const suspendLicenceDecider = licenceDecider(suspendLicence);
