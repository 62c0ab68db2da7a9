import { type Decider, NotFound } from '@ree/shared-kernel';
import { ConsignmentEvent, MINING_SOURCE_CORRECTED } from '../../consignment/consignment.events';
import { assertProvenanceOpen, invalidTransition, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { MiningSourceCorrection } from './correct-mining-source.command';

/**
 * A correction is a new declaration that points at the one it replaces (`correctsId`); nothing
 * is edited away. Only a source in force can be corrected, only until the shipment is declared.
 * The quota side (return the old draw, draw the new one, `quota-exceeded`) is decided on the
 * mines by the registry's deciders before this.
 */
export function correctMiningSource(command: MiningSourceCorrection, state: ConsignmentState): ConsignmentEvent[] {
  const { consignmentId, correction } = command;
  visibleRegistration(state, consignmentId, command.context.actor);
  if (state.sources[correction.declarationId]) return [];
  assertProvenanceOpen(state, consignmentId);
  const original = state.sources[correction.correctsId];
  if (!original) throw new NotFound('Mining source', correction.correctsId);
  if (original.correctedBy !== null) {
    throw invalidTransition(`Mining source ${correction.correctsId} was replaced by ${original.correctedBy}: correct that one`);
  }
  return [{ type: MINING_SOURCE_CORRECTED, data: { ...correction } }];
}

export const correctMiningSourceDecider: Decider<MiningSourceCorrection, ConsignmentState, ConsignmentEvent> = {
  decide: correctMiningSource,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
