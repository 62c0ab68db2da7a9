/**
 * The compliance context: the authority's automatic enforcement. Its jobs react to committed events
 * (a shipment's deadline passing, a failed end-use check, a party listed later) and append, as the
 * system, through the other contexts' own deciders: `ConsignmentFlagged` on consignments,
 * `LicenceSuspended` on licences. It owns no stream and no read model. The apps import it from here;
 * its pure deciders are also in `domain.ts` (`@ree/compliance/domain`).
 */
export * from './domain';
export { DEADLINE_FLAGS_ACTOR, DEADLINE_FLAGS_QUEUE, DEADLINE_FLAGS_REACTOR, DEADLINE_JOB_NAMES, deadlineFlagsRoute } from './jobs/deadline-flags.job';
export type { DeadlineFlagJob } from './jobs/deadline-flags.job';
export { DeadlineFlagger } from './jobs/deadline-flagger';
export type { DeadlineOutcome } from './jobs/deadline-flagger';
export { DeadlineFlagsReactor, DeadlineFlagsWorker, processDeadlineFlagJob } from './jobs/deadline-flags.module';
export { suspendAsSystem } from './jobs/system-suspension';
export type { SuspensionResult, SystemSuspension } from './jobs/system-suspension';
export {
  END_USE_VIOLATION_ACTOR,
  END_USE_VIOLATION_QUEUE,
  END_USE_VIOLATION_REACTOR,
  endUseViolationReason,
  endUseViolationRoute,
  VIOLATING_OUTCOMES,
} from './jobs/end-use-violation.job';
export type { EndUseViolationJob } from './jobs/end-use-violation.job';
export { EndUseViolationSuspender } from './jobs/end-use-violation-suspender';
export type { EndUseViolationOutcome } from './jobs/end-use-violation-suspender';
export { EndUseViolationReactor, EndUseViolationWorker } from './jobs/end-use-violation.module';
export {
  RESTRICTED_PARTY_MATCH_ACTOR,
  RESTRICTED_PARTY_MATCH_QUEUE,
  RESTRICTED_PARTY_MATCH_REACTOR,
  ownershipMatchRoute,
  restrictedPartyMatchRoute,
  SCREEN_LICENCES_JOB,
  SCREEN_OWNERSHIP_JOB,
} from './jobs/restricted-party-match.job';
export { LICENCE_PAGE_SIZE, LicencePartyMatcher } from './jobs/licence-party-matcher';
export type { ReachedCompany } from './jobs/licence-party-matcher';
export { UnlicensedConsignmentMatcher } from './jobs/unlicensed-consignment-matcher';
export { RestrictedPartyScreener } from './jobs/restricted-party-screener';
export type { RestrictedPartyScreenerOptions, ScreeningOutcome } from './jobs/restricted-party-screener';
export { processScreeningJob, READ_MODELS_WAIT_MS, RestrictedPartyMatchReactor, RestrictedPartyMatchWorker } from './jobs/restricted-party-match.module';
export type { RetroScreeningJob } from './jobs/restricted-party-match.module';
export { COMPLIANCE_JOB_PROJECTIONS, ComplianceJobsModule } from './jobs/compliance-jobs.module';
