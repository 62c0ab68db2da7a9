import { type Decider, DomainRuleViolation, toGrams } from '@ree/shared-kernel';
import { ConsignmentEvent, LICENCE_ATTACHED } from '../../consignment/consignment.events';
import { assertOpen, invalidTransition, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, currentSources, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { LicenceAttachment } from './attach-licence.command';

/**
 * The consignment side of an attachment; the allocation on the licence (`licence-not-active`,
 * `licence-scope-mismatch`, `licence-balance-exceeded`) is decided by the licensing context's
 * `allocateOnLicence` before it. A consignment is exported under one licence; the same
 * attachment again (a retry) is quiet, but not once the consignment is cancelled: its allocation
 * has been released, and a retry would allocate anew. The licence comes after provenance (docs/domain.md,
 * "Lifecycle of a consignment"): the authority licenses material whose origin is declared. An allocation above the
 * consignment's quantity would hold licence balance that no shipment of it may use.
 */
export function attachLicence(command: LicenceAttachment, state: ConsignmentState): ConsignmentEvent[] {
  const registration = visibleRegistration(state, command.consignmentId, command.context.actor);
  assertOpen(state, command.consignmentId);
  const { licence } = state;
  if (licence?.licenceId === command.licenceId && toGrams(licence.allocatedKg) === toGrams(command.allocatedKg)) return [];
  if (licence) throw invalidTransition(`Consignment ${command.consignmentId} is exported under licence ${licence.licenceId} already`);
  if (currentSources(state).length === 0) {
    throw invalidTransition(`Consignment ${command.consignmentId} has no mining source: declare its provenance before the licence`);
  }
  if (toGrams(command.allocatedKg) > toGrams(registration.quantityKg)) {
    throw new DomainRuleViolation(
      'allocation-above-quantity',
      `${command.allocatedKg} kg is more than consignment ${command.consignmentId}'s ${registration.quantityKg} kg`,
    );
  }
  return [{ type: LICENCE_ATTACHED, data: { licenceId: command.licenceId, allocatedKg: command.allocatedKg } }];
}

export const attachLicenceDecider: Decider<LicenceAttachment, ConsignmentState, ConsignmentEvent> = {
  decide: attachLicence,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
