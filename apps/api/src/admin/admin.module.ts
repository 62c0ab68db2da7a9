import { Module } from '@nestjs/common';
import { AdminJobs } from './jobs/admin-jobs';
import { JobsHttpController } from './jobs/jobs.http.controller';
import { ListProjectionsHttpController } from './projections/list-projections.http.controller';
import { ProjectionRebuilds } from './projections/projection-rebuilds';
import { ProjectionStatusReader } from './projections/projection-status.reader';
import { RebuildProjectionHttpController } from './projections/rebuild-projection.http.controller';

/**
 * Operations for administrators under `/api/v1/admin` (docs/api.md, "Operations"): projection status
 * and rebuilds, and the jobs (counts, dead ones, retry). Needs `JobQueues` and `JobLedger`
 * (JobsModule), `EVENT_STORE` and the `DataSource` (PlatformModule).
 */
@Module({
  controllers: [ListProjectionsHttpController, RebuildProjectionHttpController, JobsHttpController],
  providers: [ProjectionStatusReader, ProjectionRebuilds, AdminJobs],
})
export class AdminModule {}
