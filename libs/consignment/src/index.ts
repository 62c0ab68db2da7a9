export * from './domain';
export { ConsignmentModule } from './consignment.module';
export { RETURNED_ON_CANCEL } from './commands/cancel-consignment/cancel-consignment.handler';
export { RETURNED_ON_CORRECTION } from './commands/correct-mining-source/correct-mining-source.handler';
export { DrawReconciler, RECONCILIATION_ACTOR } from './reconciliation/draw-reconciler';
export type { ReconcileOutcome } from './reconciliation/draw-reconciler';
export * from './reconciliation/reconcile-draws.job';
export { RECONCILIATION_PROJECTIONS, ReconcileDrawsReactor, ReconciliationModule } from './reconciliation/reconciliation.module';
