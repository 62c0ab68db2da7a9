import { heldGrams, isActiveOn } from '@ree/licensing/domain';
import { type Decider, DomainRuleViolation, toGrams } from '@ree/shared-kernel';
import { ConsignmentEvent, SHIPMENT_DECLARED } from '../../consignment/consignment.events';
import { invalidTransition } from '../../consignment/consignment.errors';
import { ConsignmentState, currentSources, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { ShipmentDeclaration } from './declare-shipment.command';
import { assertActionable } from '../../consignment/shipment-stage';

/**
 * The customs export declaration, checked in the order of docs/domain.md, "Rules": one shipment per consignment
 * (`invalid-transition`), a mining source in force (`mining-source-missing`), the end user's
 * declaration (`end-use-declaration-missing`), the attached licence active today
 * (`licence-not-active`), the declared goods and destination those of the consignment
 * (`licence-scope-mismatch`), and the declared net mass within what the consignment holds on the
 * licence (`licence-balance-exceeded`).
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
  if (!state.endUseDeclaration) {
    throw new DomainRuleViolation('end-use-declaration-missing', `Consignment ${consignmentId} has no end-use declaration filed`);
  }
  if (!state.licence || !licence || !isActiveOn(licence, command.context.now)) {
    throw new DomainRuleViolation('licence-not-active', `Consignment ${consignmentId} has no active licence: ${describe(state, licence)}`);
  }
  if (shipment.hsCode !== registration.hsCode || shipment.destinationCountry !== registration.destinationCountry) {
    throw new DomainRuleViolation(
      'licence-scope-mismatch',
      `Declared ${shipment.hsCode} to ${shipment.destinationCountry}; consignment ${consignmentId} is ${registration.hsCode} to ${registration.destinationCountry}`,
    );
  }
  const allocation = licence.allocations[consignmentId];
  const held = allocation ? heldGrams(allocation) : 0;
  if (toGrams(shipment.declaredNetKg) > held) {
    throw new DomainRuleViolation(
      'licence-balance-exceeded',
      `Declared ${shipment.declaredNetKg} kg; consignment ${consignmentId} holds ${held / 1000} kg on licence ${state.licence.licenceId}`,
    );
  }
  return [{ type: SHIPMENT_DECLARED, data: { ...shipment, containerNos: [...shipment.containerNos] } }];
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
