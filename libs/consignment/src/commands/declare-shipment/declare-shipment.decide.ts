import { heldGrams, isActiveOn } from '@ree/licensing/domain';
import { normaliseName } from '@ree/registry/domain';
import { type Decider, DomainRuleViolation, toGrams } from '@ree/shared-kernel';
import { catchAllGrounds, classified, classifyConsignment, controlRemarkOf } from '../../consignment/classification';
import { ConsignmentEvent, SHIPMENT_DECLARED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, currentSources, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { ShipmentDeclaration } from './declare-shipment.command';
import { assertActionable } from '../../consignment/shipment-stage';

/**
 * The customs export declaration, checked in the order of docs/domain.md, "Rules": one shipment per
 * consignment (`invalid-transition`), a mining source in force (`mining-source-missing`), the end
 * user's declaration (`end-use-declaration-missing`); then the item is classified by the control
 * list in force on `declaredOn` with the catch-all grounds (the end user's restricted-list matches,
 * a military end use, the officers' notices), and a licence it requires must be attached
 * (`licence-required`). An attached licence, required or not, passes today's checks: active on the
 * day (`licence-not-active`), the declared goods and destination those of the consignment and its
 * end user the declaration's (`licence-scope-mismatch`), civil use only (`military-use-not-excluded`),
 * and the declared net mass within what the consignment holds on it (`licence-balance-exceeded`).
 * Without a licence the declared goods and destination must still be the consignment's
 * (`licence-scope-mismatch`). Last, a remark the declaration states must be the one the
 * classification calls for (`control-remark-contradicted`). The classification is appended with
 * the declaration, which carries the derived remark.
 */
export function declareShipment(command: ShipmentDeclaration, state: ConsignmentState): ConsignmentEvent[] {
  const { consignmentId, shipment, licence } = command;
  const registration = assertActionable(state, consignmentId, command.context.actor);
  if (state.shipment) {
    throw invalidTransition(`Consignment ${consignmentId} has shipment ${state.shipment.declaration.customsDeclarationNo} declared already`);
  }
  if (currentSources(state).length === 0) {
    throw new DomainRuleViolation('mining-source-missing', `Consignment ${consignmentId} has no mining source declared`);
  }
  const endUseDeclaration = state.endUseDeclaration;
  if (!endUseDeclaration) {
    throw new DomainRuleViolation('end-use-declaration-missing', `Consignment ${consignmentId} has no end-use declaration filed`);
  }
  const classification = classifyConsignment(registration, shipment.hsCode, command.list, catchAllGrounds(state, command.endUserMatches));
  if (classification.licenceRequired && !state.licence) {
    throw new DomainRuleViolation(
      'licence-required',
      `Consignment ${consignmentId} needs a licence on ${classification.on}: ${classification.reasons.join('; ')}`,
    );
  }
  const scopeMatches = shipment.hsCode === registration.hsCode && shipment.destinationCountry === registration.destinationCountry;
  if (state.licence) {
    if (!licence || !isActiveOn(licence, command.context.now)) {
      throw new DomainRuleViolation('licence-not-active', `Consignment ${consignmentId} has no active licence: ${describe(state, licence)}`);
    }
    if (!scopeMatches) throw scopeMismatch(command, registration);
    const licensedEndUser = licence.application?.endUser;
    if (licensedEndUser && !isSameParty(endUseDeclaration.endUser, licensedEndUser)) {
      throw new DomainRuleViolation(
        'licence-scope-mismatch',
        `The declared end user ${endUseDeclaration.endUser.name} (${endUseDeclaration.endUser.country}) is not licence ${state.licence.licenceId}'s end user`,
      );
    }
    if (!endUseDeclaration.commitments.noMilitaryUse) {
      throw new DomainRuleViolation('military-use-not-excluded', `The end user must commit to no military use to ship under licence ${state.licence.licenceId}`);
    }
    const allocation = licence.allocations[consignmentId];
    const held = allocation ? heldGrams(allocation) : 0;
    if (toGrams(shipment.declaredNetKg) > held) {
      throw new DomainRuleViolation(
        'licence-balance-exceeded',
        `Declared ${shipment.declaredNetKg} kg; consignment ${consignmentId} holds ${held / 1000} kg on licence ${state.licence.licenceId}`,
      );
    }
  } else if (!scopeMatches) {
    throw scopeMismatch(command, registration);
  }
  const controlRemark = controlRemarkOf(classification);
  if (shipment.controlRemark !== undefined && shipment.controlRemark !== controlRemark) {
    throw new DomainRuleViolation(
      'control-remark-contradicted',
      `The declaration states "${shipment.controlRemark}"; by the control list in force on ${classification.on} the item is ${controlRemark}: ${classification.reasons.join('; ')}`,
    );
  }
  return [
    classified('shipment-declaration', classification, command.list),
    { type: SHIPMENT_DECLARED, data: { ...shipment, containerNos: [...shipment.containerNos], controlRemark } },
  ];
}

const isSameParty = (declared: { name: string; country: string }, licensed: { name: string; country: string }): boolean =>
  declared.country === licensed.country && normaliseName(declared.name) === normaliseName(licensed.name);

function scopeMismatch({ consignmentId, shipment }: ShipmentDeclaration, registration: { hsCode: string; destinationCountry: string }): DomainRuleViolation {
  return new DomainRuleViolation(
    'licence-scope-mismatch',
    `Declared ${shipment.hsCode} to ${shipment.destinationCountry}; consignment ${consignmentId} is ${registration.hsCode} to ${registration.destinationCountry}`,
  );
}

function describe(state: ConsignmentState, licence: ShipmentDeclaration['licence']): string {
  if (!state.licence) return 'none attached';
  if (!licence) return `licence ${state.licence.licenceId} not found`;
  return `licence ${state.licence.licenceId} is ${licence.status}, valid ${licence.validFrom ?? '?'} to ${licence.validUntil ?? '?'}`;
}

export const declareShipmentDecider: Decider<ShipmentDeclaration, ConsignmentState, ConsignmentEvent> = {
  decide: declareShipment,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
