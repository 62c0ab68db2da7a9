import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { CONSIGNMENT_REGISTERED, ConsignmentEvent, ConsignmentRegisteredData } from '../../consignment/consignment.events';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { RegisterConsignmentCommand } from './register-consignment.command';

const sameRegistration = (a: ConsignmentRegisteredData, b: ConsignmentRegisteredData): boolean =>
  (Object.keys(a) as (keyof ConsignmentRegisteredData)[]).every((field) => a[field] === b[field]);

/**
 * A consignment is registered once, by the exporter organisation in the token. The same
 * registration again (a retry: same idempotency key, hence the same id) is quiet; anything else
 * on an existing id is `invalid-transition`.
 */
export function registerConsignment(command: RegisterConsignmentCommand, state: ConsignmentState): ConsignmentEvent[] {
  if (state.registration) {
    if (sameRegistration(state.registration, command.consignment)) return [];
    throw new DomainRuleViolation('invalid-transition', `Consignment ${command.consignment.consignmentId} is registered already`);
  }
  return [{ type: CONSIGNMENT_REGISTERED, data: { ...command.consignment } }];
}

export const registerConsignmentDecider: Decider<RegisterConsignmentCommand, ConsignmentState, ConsignmentEvent> = {
  decide: registerConsignment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
