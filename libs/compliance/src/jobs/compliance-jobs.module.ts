import { Module } from '@nestjs/common';
import { DeadlineFlagsReactor, DeadlineFlagsWorker } from './deadline-flags.module';
import { EndUseViolationReactor, EndUseViolationWorker } from './end-use-violation.module';
import { RestrictedPartyMatchReactor, RestrictedPartyMatchWorker } from './restricted-party-match.module';

/** The reactors of the compliance jobs, to add to the worker's projector. */
export const COMPLIANCE_JOB_PROJECTIONS = [DeadlineFlagsReactor, EndUseViolationReactor, RestrictedPartyMatchReactor] as const;

/**
 * The worker side of the compliance jobs: their processors. Needs `EVENT_STORE`, `APP_CONFIG` and
 * TypeORM's `DataSource` (the PlatformModule).
 */
@Module({ providers: [DeadlineFlagsWorker, EndUseViolationWorker, RestrictedPartyMatchWorker] })
export class ComplianceJobsModule {}
