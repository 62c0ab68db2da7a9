/**
 * The pure part of this context's public surface: the consignment's events, stream ids, statuses,
 * state and evolve, and the flag decider the review and its jobs call. Domain code of other contexts
 * imports it as `@ree/consignment/domain`: it reaches no framework (the `domain-reaches-no-platform`
 * rule of .dependency-cruiser.js). `index.ts` re-exports it.
 */
export * from './consignment/consignment.events';
export { consignmentIdOf, consignmentStream, consignmentStreamId } from './consignment/consignment.stream';
export { CONSIGNMENT_STATUSES, hasReached, isFinished } from './consignment/consignment.status';
export type { ConsignmentStatus } from './consignment/consignment.status';
export { currentSources, currentSteps, evolveConsignment, initialConsignmentState } from './consignment/consignment.state';
export type { ConsignmentState, Correction, MiningSource, ProcessingStep, Shipment } from './consignment/consignment.state';
export { RELEASED_UNSHIPPED } from './commands/release-shipment/ship-on-licence.decide';
export type { FlagConsignmentCommand } from './commands/flag-consignment/flag-consignment.command';
export {
  evolveFlaggableConsignment,
  flagConsignment,
  flagConsignmentDecider,
  initialFlaggableConsignment,
  SYSTEM_FLAG_CLEARED_BY,
} from './commands/flag-consignment/flag-consignment.decide';
export type { FlaggableConsignment } from './commands/flag-consignment/flag-consignment.decide';
