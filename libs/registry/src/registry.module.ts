import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllocateMiningQuotaHandler } from './commands/allocate-mining-quota/allocate-mining-quota.handler';
import { AllocateMiningQuotaHttpController } from './commands/allocate-mining-quota/allocate-mining-quota.http.controller';
import { DelistRestrictedPartyHandler } from './commands/delist-restricted-party/delist-restricted-party.handler';
import { DelistRestrictedPartyHttpController } from './commands/delist-restricted-party/delist-restricted-party.http.controller';
import { ListRestrictedPartyHandler } from './commands/list-restricted-party/list-restricted-party.handler';
import { ListRestrictedPartyHttpController } from './commands/list-restricted-party/list-restricted-party.http.controller';
import { RegisterMineHandler } from './commands/register-mine/register-mine.handler';
import { RegisterMineHttpController } from './commands/register-mine/register-mine.http.controller';
import { REGISTRY_READ_MODELS } from './projections/read-models';
import { GetMineHandler } from './queries/get-mine/get-mine.handler';
import { GetMineHttpController } from './queries/get-mine/get-mine.http.controller';
import { ListMinesHandler } from './queries/list-mines/list-mines.handler';
import { ListMinesHttpController } from './queries/list-mines/list-mines.http.controller';
import { ListRestrictedPartiesHandler } from './queries/list-restricted-parties/list-restricted-parties.handler';
import { ListRestrictedPartiesHttpController } from './queries/list-restricted-parties/list-restricted-parties.http.controller';
import { ScreenNameHandler } from './queries/screen-name/screen-name.handler';
import { ScreenNameHttpController } from './queries/screen-name/screen-name.http.controller';
import { ScreeningService } from './screening/screening.service';

/**
 * The registries over HTTP: mines with their quotas, and the restricted-party list with
 * screening. Expects the application to provide `EVENT_STORE` and a TypeORM connection; the
 * projections run in the worker (`REGISTRY_PROJECTIONS`).
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([...REGISTRY_READ_MODELS])],
  controllers: [
    RegisterMineHttpController,
    AllocateMiningQuotaHttpController,
    GetMineHttpController,
    ListMinesHttpController,
    ListRestrictedPartyHttpController,
    DelistRestrictedPartyHttpController,
    ListRestrictedPartiesHttpController,
    ScreenNameHttpController,
  ],
  providers: [
    RegisterMineHandler,
    AllocateMiningQuotaHandler,
    ListRestrictedPartyHandler,
    DelistRestrictedPartyHandler,
    GetMineHandler,
    ListMinesHandler,
    ListRestrictedPartiesHandler,
    ScreenNameHandler,
    ScreeningService,
  ],
  exports: [ScreeningService],
})
export class RegistryModule {}
