import { type Decider, NotFound } from '@ree/shared-kernel';
import { ConsignmentEvent, PROCESSING_STEP_CORRECTED } from '../../consignment/consignment.events';
import { assertMassBalance, assertProvenanceOpen, invalidTransition, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { CorrectProcessingStepCommand } from './correct-processing-step.command';

/**
 * A correction is a new step that points at the one it replaces (`correctsId`); nothing is
 * edited away. Only a step in force can be corrected (a replaced one is corrected through its
 * replacement), only until the shipment is declared, and the new values keep the mass balance.
 */
export function correctProcessingStep(command: CorrectProcessingStepCommand, state: ConsignmentState): ConsignmentEvent[] {
  const { consignmentId, correction } = command;
  visibleRegistration(state, consignmentId, command.context.actor);
  if (state.steps[correction.stepId]) return [];
  assertProvenanceOpen(state, consignmentId);
  const original = state.steps[correction.correctsId];
  if (!original) throw new NotFound('Processing step', correction.correctsId);
  if (original.correctedBy !== null) {
    throw invalidTransition(`Processing step ${correction.correctsId} was replaced by ${original.correctedBy}: correct that one`);
  }
  assertMassBalance(correction.inputKgReo, correction.outputKgReo);
  return [{ type: PROCESSING_STEP_CORRECTED, data: { ...correction } }];
}

export const correctProcessingStepDecider: Decider<CorrectProcessingStepCommand, ConsignmentState, ConsignmentEvent> = {
  decide: correctProcessingStep,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
