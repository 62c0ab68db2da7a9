import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegistryModule } from '@ree/registry';
import { ApplyForLicenceHandler } from './commands/apply-for-licence/apply-for-licence.handler';
import { ApplyForLicenceHttpController } from './commands/apply-for-licence/apply-for-licence.http.controller';
import { ApproveLicenceHandler } from './commands/approve-licence/approve-licence.handler';
import { ApproveLicenceHttpController } from './commands/approve-licence/approve-licence.http.controller';
import { IssueLicenceHandler } from './commands/issue-licence/issue-licence.handler';
import { IssueLicenceHttpController } from './commands/issue-licence/issue-licence.http.controller';
import { LicenceScreening } from './commands/licence-screening';
import { ReinstateLicenceHandler } from './commands/reinstate-licence/reinstate-licence.handler';
import { ReinstateLicenceHttpController } from './commands/reinstate-licence/reinstate-licence.http.controller';
import { RejectLicenceHandler } from './commands/reject-licence/reject-licence.handler';
import { RejectLicenceHttpController } from './commands/reject-licence/reject-licence.http.controller';
import { RevokeLicenceHandler } from './commands/revoke-licence/revoke-licence.handler';
import { RevokeLicenceHttpController } from './commands/revoke-licence/revoke-licence.http.controller';
import { SuspendLicenceHandler } from './commands/suspend-licence/suspend-licence.handler';
import { SuspendLicenceHttpController } from './commands/suspend-licence/suspend-licence.http.controller';
import { LICENSING_READ_MODELS } from './projections/read-models';
import { GetLicenceHandler } from './queries/get-licence/get-licence.handler';
import { GetLicenceHttpController } from './queries/get-licence/get-licence.http.controller';
import { ListLicencesHandler } from './queries/list-licences/list-licences.handler';
import { ListLicencesHttpController } from './queries/list-licences/list-licences.http.controller';

/**
 * Licences over HTTP: the exporter's application and the officers' decisions, and the reads.
 * Screens through the registry's `ScreeningService`. Expects the application to provide
 * `EVENT_STORE` and a TypeORM connection; the projection runs in the worker (`LICENSING_PROJECTIONS`).
 */
@Module({
  imports: [CqrsModule, RegistryModule, TypeOrmModule.forFeature([...LICENSING_READ_MODELS])],
  controllers: [
    ApplyForLicenceHttpController,
    ApproveLicenceHttpController,
    IssueLicenceHttpController,
    RejectLicenceHttpController,
    SuspendLicenceHttpController,
    ReinstateLicenceHttpController,
    RevokeLicenceHttpController,
    ListLicencesHttpController,
    GetLicenceHttpController,
  ],
  providers: [
    LicenceScreening,
    ApplyForLicenceHandler,
    ApproveLicenceHandler,
    IssueLicenceHandler,
    RejectLicenceHandler,
    SuspendLicenceHandler,
    ReinstateLicenceHandler,
    RevokeLicenceHandler,
    GetLicenceHandler,
    ListLicencesHandler,
  ],
})
export class LicensingModule {}
