import { DomainRuleViolation, NotFound, toGrams } from '@ree/shared-kernel';
import { LICENCE_EXHAUSTED, LICENCE_QUANTITY_SHIPPED, LicenceEvent } from '../../licence/licence.events';
import { isActiveOn, issuedGrams, netAllocatedGrams, shippedGrams } from '../../licence/licence.quantities';
import { evolveLicence, LicenceState } from '../../licence/licence.state';
import { licenceDecider } from '../licence-decider';
import { ShipOnLicenceCommand } from './ship-on-licence.command';

/**
 * One shipment per consignment: the same one again decides nothing, another one is
 * `invalid-transition`. Refuses `licence-not-active`, and `licence-balance-exceeded` when the
 * shipment carries more than the consignment's allocation. When everything issued has shipped,
 * the licence is exhausted in the same append.
 */
export function shipOnLicence(command: ShipOnLicenceCommand, state: LicenceState): LicenceEvent[] {
  const { licenceId, consignmentId, kg } = command;
  if (state.status === 'none') throw new NotFound('Licence', licenceId);
  const allocation = state.allocations[consignmentId];
  if (allocation && allocation.shippedGrams > 0) {
    if (allocation.shippedGrams === toGrams(kg)) return [];
    throw new DomainRuleViolation('invalid-transition', `Consignment ${consignmentId} has shipped under licence ${licenceId} already`);
  }
  if (!isActiveOn(state, command.now)) {
    throw new DomainRuleViolation('licence-not-active', `Licence ${licenceId} is ${state.status}, valid ${state.validFrom ?? '?'} to ${state.validUntil ?? '?'}`);
  }
  if (!allocation || toGrams(kg) > netAllocatedGrams(allocation)) {
    throw new DomainRuleViolation('licence-balance-exceeded', `Consignment ${consignmentId} ships more than its allocation on licence ${licenceId}`);
  }
  const shipped: LicenceEvent = { type: LICENCE_QUANTITY_SHIPPED, data: { consignmentId, kg } };
  const after = evolveLicence(state, shipped);
  return shippedGrams(after) >= issuedGrams(after) ? [shipped, { type: LICENCE_EXHAUSTED, data: {} }] : [shipped];
}

export const shipOnLicenceDecider = licenceDecider(shipOnLicence);
