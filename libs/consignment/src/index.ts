export * from './domain';
export { ConsignmentModule } from './consignment.module';
export { RELEASED_ON_REFUSAL, RETURNED_ON_CANCEL, RETURNED_ON_CORRECTION } from './consignment/reservations.decide';
export { DrawReconciler, RECONCILIATION_ACTOR } from './jobs/draw-reconciler';
export type { ReconcileOutcome } from './jobs/draw-reconciler';
export * from './jobs/reconcile-draws.job';
export { RETURNED_AS_ORPHANED } from './jobs/reconcile-draw.decide';
export type { LicenceAllocationJob, MiningQuotaDrawJob } from './jobs/reconcile-draw.decide';
export { ConsignmentGiver } from './jobs/consignment-giver';
export type { GiveBackJob } from './jobs/give-back.decide';
export * from './jobs/give-back.job';
export {
  CONSIGNMENT_JOB_PROJECTIONS,
  ConsignmentJobsModule,
  GiveBackReactor,
  ReconcileDrawsReactor,
} from './jobs/consignment-jobs.module';
