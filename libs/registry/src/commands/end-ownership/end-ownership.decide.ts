import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { OWNERSHIP_ENDED, OwnershipEvent } from '../../ownership/ownership.events';
import { evolveOwnership, initialOwnershipState, OwnershipState } from '../../ownership/ownership.state';
import { EndOwnershipCommand } from './end-ownership.command';

/**
 * Only a fact in force ends (never recorded, or ended already: `invalid-transition`; the same end sent again is a
 * quiet retry). `ownership-ended-before-start`: it cannot end before the day it was recorded as of.
 */
export function endOwnership(command: EndOwnershipCommand, state: OwnershipState): OwnershipEvent[] {
  if (state.status === 'ended' && state.end?.endedOn === command.endedOn && state.end.reason === command.reason) return [];
  if (state.status !== 'in-force' || state.fact === null) {
    throw new DomainRuleViolation('invalid-transition', `Ownership fact ${command.factId} is not in force`);
  }
  if (command.endedOn < state.fact.asOf) {
    throw new DomainRuleViolation('ownership-ended-before-start', `Ownership fact ${command.factId} holds as of ${state.fact.asOf}; it cannot end on ${command.endedOn}`);
  }
  return [{ type: OWNERSHIP_ENDED, data: { endedOn: command.endedOn, reason: command.reason } }];
}

export const endOwnershipDecider: Decider<EndOwnershipCommand, OwnershipState, OwnershipEvent> = {
  decide: endOwnership,
  evolve: evolveOwnership,
  initialState: initialOwnershipState,
};
