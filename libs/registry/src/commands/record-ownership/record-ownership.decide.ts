import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { companyKey } from '../../ownership/ownership-walk';
import { OWNERSHIP_RECORDED, OwnershipEvent, OwnershipRecordedData } from '../../ownership/ownership.events';
import { evolveOwnership, initialOwnershipState, OwnershipState } from '../../ownership/ownership.state';
import { RecordOwnershipCommand } from './record-ownership.command';

const sameFact = (a: OwnershipRecordedData, b: OwnershipRecordedData): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A fact id is recorded once (the same fact again is a quiet retry; anything else on it is `invalid-transition`).
 * `ownership-of-itself`: the owner and the owned are the same company (the walk's company key: country and name
 * skeleton), which no register records and the walk could not follow. The share is in (0, 100] (the request's shape).
 */
export function recordOwnership(command: RecordOwnershipCommand, state: OwnershipState): OwnershipEvent[] {
  const { fact } = command;
  if (state.status !== 'unknown') {
    if (state.status === 'in-force' && state.fact && sameFact(state.fact, fact)) return [];
    throw new DomainRuleViolation('invalid-transition', `Ownership fact ${fact.factId} exists already`);
  }
  if (companyKey(fact.owner) === companyKey(fact.owned)) {
    throw new DomainRuleViolation('ownership-of-itself', `"${fact.owner.name}" (${fact.owner.country}) cannot own itself`);
  }
  return [{ type: OWNERSHIP_RECORDED, data: { ...fact, owner: { ...fact.owner }, owned: { ...fact.owned } } }];
}

export const recordOwnershipDecider: Decider<RecordOwnershipCommand, OwnershipState, OwnershipEvent> = {
  decide: recordOwnership,
  evolve: evolveOwnership,
  initialState: initialOwnershipState,
};
