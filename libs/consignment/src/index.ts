export { ConsignmentModule } from './consignment.module';
export * from './consignment/consignment.events';
export { consignmentIdOf, consignmentStreamId } from './consignment/consignment.stream';
export { CONSIGNMENT_STATUSES, hasReached, isFinished } from './consignment/consignment.status';
export type { ConsignmentStatus } from './consignment/consignment.status';
export { currentSources, currentSteps, evolveConsignment, initialConsignmentState } from './consignment/consignment.state';
export type { ConsignmentState, Correction, MiningSource, ProcessingStep, Shipment } from './consignment/consignment.state';
export { RETURNED_ON_CANCEL } from './commands/cancel-consignment/cancel-consignment.handler';
export { RETURNED_ON_CORRECTION } from './commands/correct-mining-source/correct-mining-source.handler';
export { RELEASED_UNSHIPPED } from './commands/release-shipment/ship-on-licence.decide';
export { DrawReconciler, RECONCILIATION_ACTOR } from './reconciliation/draw-reconciler';
export type { ReconcileOutcome } from './reconciliation/draw-reconciler';
export * from './reconciliation/reconcile-draws.job';
export { RECONCILIATION_PROJECTIONS, ReconcileDrawsReactor, ReconciliationModule } from './reconciliation/reconciliation.module';
export type { FlagConsignmentCommand } from './commands/flag-consignment/flag-consignment.command';
export {
  evolveFlaggableConsignment,
  flagConsignment,
  flagConsignmentDecider,
  initialFlaggableConsignment,
  SYSTEM_FLAG_CLEARED_BY,
} from './commands/flag-consignment/flag-consignment.decide';
export type { FlaggableConsignment } from './commands/flag-consignment/flag-consignment.decide';
