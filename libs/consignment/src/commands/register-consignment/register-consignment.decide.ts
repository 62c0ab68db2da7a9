import { type Decider, DomainRuleViolation } from '@ree/shared-kernel';
import { classified, classifyConsignment } from '../../consignment/classification';
import { CONSIGNMENT_REGISTERED, ConsignmentEvent, ConsignmentRegisteredData } from '../../consignment/consignment.events';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { ConsignmentRegistration } from './register-consignment.command';

const sameRegistration = (a: ConsignmentRegisteredData, b: ConsignmentRegisteredData): boolean =>
  (Object.keys(a) as (keyof ConsignmentRegisteredData)[]).every((field) => a[field] === b[field]);

/**
 * A consignment is registered once, by the exporter organisation in the token, and classified in
 * the same append by the control list in force on the registration's day (`ConsignmentClassified`,
 * stage `registration`; no catch-all yet: the end user is not known). The same registration again
 * (a retry: same idempotency key, hence the same id) is quiet; anything else on an existing id is
 * `invalid-transition`.
 */
export function registerConsignment(command: ConsignmentRegistration, state: ConsignmentState): ConsignmentEvent[] {
  if (state.registration) {
    if (sameRegistration(state.registration, command.consignment)) return [];
    throw new DomainRuleViolation('invalid-transition', `Consignment ${command.consignment.consignmentId} is registered already`);
  }
  const classification = classifyConsignment(command.consignment, command.consignment.hsCode, command.list, []);
  return [{ type: CONSIGNMENT_REGISTERED, data: { ...command.consignment } }, classified('registration', classification, command.list)];
}

export const registerConsignmentDecider: Decider<ConsignmentRegistration, ConsignmentState, ConsignmentEvent> = {
  decide: registerConsignment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
