import { DomainRuleViolation, toGrams } from '@ree/shared-kernel';
import { LICENCE_APPROVED, LicenceEvent } from '../../licence/licence.events';
import { lastDayOfOneYear, licenceKindOf } from '../../licence/licence.kinds';
import type { LicenceState } from '../../licence/licence.state';
import { licenceDecider, requireStatus } from '../licence-decider';
import { clearedScreening, Screened } from '../screening-outcome';
import { ApproveLicenceCommand } from './approve-licence.command';

/**
 * An officer may grant less than was applied for, item by item, never more: the exporter asked
 * for that quantity and the screening and review covered that much (README, choices).
 */
function issuedQuantities(command: ApproveLicenceCommand, state: LicenceState): number[] {
  const requested = state.items.map((item) => item.quantityKg);
  const issued = command.terms.issuedQuantityKg ?? requested;
  const fits = issued.length === requested.length && issued.every((kg, index) => toGrams(kg) <= toGrams(requested[index]));
  if (!fits) {
    throw new DomainRuleViolation(
      'issued-quantity-invalid',
      `Licence ${command.licenceId}: give one issued quantity per item (${requested.length}), none above its requested quantity`,
    );
  }
  return [...issued];
}

/**
 * The first officer's decision, on a screened application whose parties screen clean now; a
 * general licence for one year at most (`general-licence-validity-exceeded`).
 */
export function approveLicence(command: Screened<ApproveLicenceCommand>, state: LicenceState): LicenceEvent[] {
  requireStatus(state, command.licenceId, 'approved', ['screened']);
  const screened = clearedScreening(command.licenceId, command.screening);
  const { validFrom, validUntil, conditions } = command.terms;
  if (licenceKindOf(state) === 'general' && validUntil > lastDayOfOneYear(validFrom)) {
    throw new DomainRuleViolation(
      'general-licence-validity-exceeded',
      `General licence ${command.licenceId} is valid one year at most: from ${validFrom} until ${lastDayOfOneYear(validFrom)}, not ${validUntil}`,
    );
  }
  return [
    screened,
    {
      type: LICENCE_APPROVED,
      data: {
        validFrom,
        validUntil,
        conditions: [...conditions],
        issuedQuantityKg: issuedQuantities(command, state),
        approvedBy: command.context.actor.sub,
      },
    },
  ];
}

export const approveLicenceDecider = licenceDecider(approveLicence);
