export { DEADLINE_FLAGS_ACTOR, DEADLINE_FLAGS_QUEUE, DEADLINE_FLAGS_REACTOR, DEADLINE_JOB_NAMES, deadlineFlagsRoute } from './deadline-flags.job';
export type { DeadlineFlagJob } from './deadline-flags.job';
export { deadlineAt, deadlineDueAt, raiseDeadlineFlag, raiseDeadlineFlagDecider } from './deadline-flags.decide';
export type { DeadlineFlagCode, DeadlineState, RaiseDeadlineFlagCommand } from './deadline-flags.decide';
export { DeadlineFlagger } from './deadline-flagger';
export type { DeadlineOutcome } from './deadline-flagger';
export { DeadlineFlagsReactor, DeadlineFlagsWorker, processDeadlineFlagJob } from './deadline-flags.module';
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
export {
  RESTRICTED_PARTY_MATCH_ACTOR,
  RESTRICTED_PARTY_MATCH_QUEUE,
  RESTRICTED_PARTY_MATCH_REACTOR,
  restrictedPartyMatchRoute,
  SCREEN_LICENCES_JOB,
} from './restricted-party-match.job';
export {
  concernedByListing,
  flagListedParty,
  flagListedPartyDecider,
  matchDetail,
  RESTRICTED_PARTY_MATCH,
  RETRO_SCREENING_MONTHS,
  retroScreeningSince,
  suspensionReason,
} from './restricted-party-match.decide';
export type { FlagListedPartyCommand, LicenceMatch, LicenceNameMatch, RestrictedPartyMatchJob } from './restricted-party-match.decide';
export { LICENCE_PAGE_SIZE, LicencePartyMatcher } from './licence-party-matcher';
export { RestrictedPartyScreener } from './restricted-party-screener';
export type { RestrictedPartyScreenerOptions, ScreeningOutcome } from './restricted-party-screener';
export { processScreeningJob, READ_MODELS_WAIT_MS, RestrictedPartyMatchReactor, RestrictedPartyMatchWorker } from './restricted-party-match.module';
export { REVIEW_JOB_PROJECTIONS, ReviewJobsModule } from './review-jobs.module';
