import type { Decider } from '@ree/shared-kernel';
import { ConsignmentEvent, PROCESSING_STEP_RECORDED } from '../../consignment/consignment.events';
import { assertMassBalance, assertProvenanceOpen, invalidTransition, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, currentSources, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { RecordProcessingStepCommand } from './record-processing-step.command';

/**
 * Processing follows sourcing (docs/domain.md, "Lifecycle of a consignment": registered → sourced → processed*): a step
 * needs a declared mining source, keeps its mass balance (`mass-balance-violation`), and may be
 * recorded until the shipment is declared. The same step again (a retry) is quiet.
 */
export function recordProcessingStep(command: RecordProcessingStepCommand, state: ConsignmentState): ConsignmentEvent[] {
  visibleRegistration(state, command.consignmentId, command.context.actor);
  if (state.steps[command.step.stepId]) return [];
  assertProvenanceOpen(state, command.consignmentId);
  if (currentSources(state).length === 0) {
    throw invalidTransition(`Consignment ${command.consignmentId} has no mining source yet: declare where the material was mined first`);
  }
  assertMassBalance(command.step.inputKgReo, command.step.outputKgReo);
  return [{ type: PROCESSING_STEP_RECORDED, data: { ...command.step } }];
}

export const recordProcessingStepDecider: Decider<RecordProcessingStepCommand, ConsignmentState, ConsignmentEvent> = {
  decide: recordProcessingStep,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
