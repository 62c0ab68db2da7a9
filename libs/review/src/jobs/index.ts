export { DEADLINE_FLAGS_ACTOR, DEADLINE_FLAGS_QUEUE, DEADLINE_FLAGS_REACTOR, DEADLINE_JOB_NAMES, deadlineAt, deadlineFlagsRoute } from './deadline-flags.job';
export type { DeadlineFlagCode, DeadlineFlagJob } from './deadline-flags.job';
export { deadlineDueAt, raiseDeadlineFlag, raiseDeadlineFlagDecider } from './deadline-flags.decide';
export type { DeadlineState, RaiseDeadlineFlagCommand } from './deadline-flags.decide';
export { DeadlineFlagger } from './deadline-flagger';
export type { DeadlineOutcome } from './deadline-flagger';
export { DeadlineFlagsReactor, DeadlineFlagsWorker, processDeadlineFlagJob } from './deadline-flags.module';
export { jobFlagPolicy } from './job-flag-policy';
export { REVIEW_JOB_PROJECTIONS, ReviewJobsModule } from './review-jobs.module';
