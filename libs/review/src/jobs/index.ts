export { DEADLINE_FLAGS_ACTOR, DEADLINE_FLAGS_QUEUE, DEADLINE_FLAGS_REACTOR, DEADLINE_JOB_NAMES, deadlineAt, deadlineFlagsRoute } from './deadline-flags.job';
export type { DeadlineFlagCode, DeadlineFlagJob } from './deadline-flags.job';
export { deadlineDueAt, raiseDeadlineFlag, raiseDeadlineFlagDecider } from './deadline-flags.decide';
export type { DeadlineState, RaiseDeadlineFlagCommand } from './deadline-flags.decide';
export { DeadlineFlagger } from './deadline-flagger';
export type { DeadlineOutcome } from './deadline-flagger';
export { DeadlineFlagsReactor, DeadlineFlagsWorker, processDeadlineFlagJob } from './deadline-flags.module';
export { jobFlagPolicy } from './job-flag-policy';
export { inForce, suspendInForce, suspendInForceDecider } from './suspend-in-force.decide';
export { suspendAsSystem } from './system-suspension';
export type { SuspensionResult, SystemSuspension } from './system-suspension';
export {
  END_USE_VIOLATION_ACTOR,
  END_USE_VIOLATION_QUEUE,
  END_USE_VIOLATION_REACTOR,
  endUseViolationReason,
  endUseViolationRoute,
  VIOLATING_OUTCOMES,
} from './end-use-violation.job';
export type { EndUseViolationJob } from './end-use-violation.job';
export { EndUseViolationSuspender } from './end-use-violation-suspender';
export type { EndUseViolationOutcome } from './end-use-violation-suspender';
export { EndUseViolationReactor, EndUseViolationWorker } from './end-use-violation.module';
export { REVIEW_JOB_PROJECTIONS, ReviewJobsModule } from './review-jobs.module';
