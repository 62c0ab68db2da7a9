import { NotFound } from '@ree/shared-kernel';
import { LICENCE_ENDORSEMENT_WITHDRAWN, LicenceEvent } from '../../licence/licence.events';
import { endorsementOf } from '../../licence/licence.kinds';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider } from '../licence-decider';
import { WithdrawEndorsementCommand } from './withdraw-endorsement.command';

/**
 * Gives a consignment's endorsement back to the licence, in any status (giving back is always
 * allowed): the declaration no longer counts against its kind's limit. Nothing endorsed (never,
 * or withdrawn already: a repeat) decides nothing.
 */
export function withdrawEndorsement(command: WithdrawEndorsementCommand, state: LicenceState): LicenceEvent[] {
  const { licenceId, consignmentId, reason } = command;
  if (state.status === 'none') throw new NotFound('Licence', licenceId);
  const endorsement = endorsementOf(state, consignmentId);
  if (!endorsement) return [];
  return [{ type: LICENCE_ENDORSEMENT_WITHDRAWN, data: { consignmentId, number: endorsement.number, reason } }];
}

export const withdrawEndorsementDecider = licenceDecider(withdrawEndorsement);
