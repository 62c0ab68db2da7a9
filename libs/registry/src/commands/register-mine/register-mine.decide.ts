import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { MINE_REGISTERED, MineEvent, MineRegisteredData } from '../../mine/mine.events';
import { evolveMine, initialMineState, MineState } from '../../mine/mine.state';
import { RegisterMineCommand } from './register-mine.command';

const sameRegistration = (a: MineRegisteredData, b: MineRegisteredData): boolean =>
  (Object.keys(a) as (keyof MineRegisteredData)[]).every((field) => a[field] === b[field]);

/**
 * A mine is registered once. The same registration sent again (a retry with the same
 * idempotency key, hence the same mine id) is accepted quietly; anything else on an existing
 * mine id is `invalid-transition`.
 */
export function registerMine(command: RegisterMineCommand, state: MineState): MineEvent[] {
  if (state.registration) {
    if (sameRegistration(state.registration, command.mine)) return [];
    throw new DomainRuleViolation('invalid-transition', `Mine ${command.mine.mineId} is registered already`);
  }
  return [{ type: MINE_REGISTERED, data: { ...command.mine } }];
}

export const registerMineDecider: Decider<RegisterMineCommand, MineState, MineEvent> = {
  decide: registerMine,
  evolve: evolveMine,
  initialState: initialMineState,
};
