import type { Decider } from '@ree/shared-kernel';
import { MINING_SOURCE_DECLARED, ConsignmentEvent } from '../../consignment/consignment.events';
import { assertProvenanceOpen, visibleRegistration } from '../../consignment/consignment.errors';
import { ConsignmentState, evolveConsignment, initialConsignmentState } from '../../consignment/consignment.state';
import { MiningSourceDeclaration } from './declare-mining-source.command';

/**
 * The consignment side of a mining-source declaration; the quota draw on the mine
 * (`quota-exceeded`) is decided by the registry's `drawMiningQuota` before it. Sources may come
 * from several mines (blending) and may be added until the shipment is declared. The same
 * declaration again (a retry) is quiet.
 */
export function declareMiningSource(command: MiningSourceDeclaration, state: ConsignmentState): ConsignmentEvent[] {
  visibleRegistration(state, command.consignmentId, command.context.actor);
  if (state.sources[command.source.declarationId]) return [];
  assertProvenanceOpen(state, command.consignmentId);
  return [{ type: MINING_SOURCE_DECLARED, data: { ...command.source } }];
}

export const declareMiningSourceDecider: Decider<MiningSourceDeclaration, ConsignmentState, ConsignmentEvent> = {
  decide: declareMiningSource,
  evolve: evolveConsignment,
  initialState: initialConsignmentState,
};
