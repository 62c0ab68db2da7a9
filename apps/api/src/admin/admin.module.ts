import { Module } from '@nestjs/common';
import { ListProjectionsHttpController } from './projections/list-projections.http.controller';
import { ProjectionRebuilds } from './projections/projection-rebuilds';
import { ProjectionStatusReader } from './projections/projection-status.reader';
import { RebuildProjectionHttpController } from './projections/rebuild-projection.http.controller';

/**
 * Operations for administrators under `/api/v1/admin` (API.md, "Operations"): projection status
 * and rebuilds. Needs `JobQueues` (JobsModule), `EVENT_STORE` and the `DataSource` (PlatformModule).
 */
@Module({
  controllers: [ListProjectionsHttpController, RebuildProjectionHttpController],
  providers: [ProjectionStatusReader, ProjectionRebuilds],
})
export class AdminModule {}
