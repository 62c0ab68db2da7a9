import { evolveLicence, heldGrams, LicenceEvent, LicenceState, releaseOnLicence, shipOnLicence, ShipOnLicenceCommand } from '@ree/licensing/domain';
import { toKilograms } from '@ree/shared-kernel';

/** Why the rest of an allocation is given back when the shipment carried less (LicenceAllocationReleased.reason). */
export const RELEASED_UNSHIPPED = 'shipment-released-below-allocation';

/**
 * The licence side of a release, decided by the licensing context's own deciders in one append:
 * the declared net mass is recorded as shipped (`shipOnLicence`, with `LicenceExhausted` when all
 * issued has shipped), and what the consignment still holds after it is given back to the
 * licence, since a consignment ships once and the rest would otherwise stay reserved for nothing.
 * A retry finds both done and decides nothing.
 */
export function shipUnderLicence(command: ShipOnLicenceCommand, state: LicenceState): LicenceEvent[] {
  const shipped = shipOnLicence(command, state);
  const after = shipped.reduce(evolveLicence, state);
  const allocation = after.allocations[command.consignmentId];
  const rest = allocation ? heldGrams(allocation) : 0;
  if (rest <= 0) return shipped;
  const release = { licenceId: command.licenceId, consignmentId: command.consignmentId, kg: toKilograms(rest), reason: RELEASED_UNSHIPPED };
  return [...shipped, ...releaseOnLicence(release, after)];
}
