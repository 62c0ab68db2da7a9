import { DomainRuleViolation, NotFound, toGrams } from '@ree/shared-kernel';
import { LICENCE_QUANTITY_ALLOCATED, LicenceEvent } from '../../licence/licence.events';
import { heldGrams, isActiveOn, itemRemainingGrams } from '../../licence/licence.quantities';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider } from '../licence-decider';
import { AllocateOnLicenceCommand } from './allocate-on-licence.command';

function coveringItems(command: AllocateOnLicenceCommand, state: LicenceState): number[] {
  const covered = state.application?.destinationCountry === command.destinationCountry;
  return state.items
    .map((item, index) => (covered && item.hsCode === command.hsCode && item.element === command.element ? index : -1))
    .filter((index) => index >= 0);
}

/**
 * Reserves `kg` of the first item that covers the consignment and still holds that much.
 * The same allocation again (a retry of a half-done attach) decides nothing, even if the licence
 * has been suspended since: the reservation was made while it was allowed.
 * Refuses `licence-not-active`, `licence-scope-mismatch` (destination, HS code and element) and
 * `licence-balance-exceeded` (allocations never exceed the issued quantity).
 */
export function allocateOnLicence(command: AllocateOnLicenceCommand, state: LicenceState): LicenceEvent[] {
  const { licenceId, consignmentId, kg } = command;
  if (state.status === 'none' || state.application?.exporterOrg !== command.exporterOrg) throw new NotFound('Licence', licenceId);
  const existing = state.allocations[consignmentId];
  if (existing && heldGrams(existing) + existing.shippedGrams > 0) {
    if (existing.allocatedGrams === toGrams(kg) && existing.releasedGrams === 0) return [];
    throw new DomainRuleViolation('invalid-transition', `Consignment ${consignmentId} holds an allocation on licence ${licenceId} already`);
  }
  if (!isActiveOn(state, command.now)) {
    throw new DomainRuleViolation('licence-not-active', `Licence ${licenceId} is ${state.status}, valid ${state.validFrom ?? '?'} to ${state.validUntil ?? '?'}`);
  }
  const items = coveringItems(command, state);
  if (items.length === 0) {
    throw new DomainRuleViolation(
      'licence-scope-mismatch',
      `Licence ${licenceId} does not cover ${command.hsCode} ${command.element} to ${command.destinationCountry}`,
    );
  }
  const itemIndex = items.find((index) => itemRemainingGrams(state, index) >= toGrams(kg));
  if (itemIndex === undefined) {
    throw new DomainRuleViolation('licence-balance-exceeded', `Licence ${licenceId} has less than ${kg} kg left for ${command.hsCode} ${command.element}`);
  }
  return [{ type: LICENCE_QUANTITY_ALLOCATED, data: { consignmentId, itemIndex, hsCode: command.hsCode, kg } }];
}

export const allocateOnLicenceDecider = licenceDecider(allocateOnLicence);
