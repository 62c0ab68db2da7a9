import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdoptControlAnnouncementHandler } from './commands/adopt-control-announcement/adopt-control-announcement.handler';
import { AdoptControlAnnouncementHttpController } from './commands/adopt-control-announcement/adopt-control-announcement.http.controller';
import { ProposeControlAnnouncementHandler } from './commands/propose-control-announcement/propose-control-announcement.handler';
import { ProposeControlAnnouncementHttpController } from './commands/propose-control-announcement/propose-control-announcement.http.controller';
import { RejectControlAnnouncementHandler } from './commands/reject-control-announcement/reject-control-announcement.handler';
import { RejectControlAnnouncementHttpController } from './commands/reject-control-announcement/reject-control-announcement.http.controller';
import { ControlListReferenceDataModule } from './control-list/control-list-reference.loader';
import { ControlListReader } from './control-list/control-list.reader';
import { AnnouncementNumbers } from './control-list/announcement-numbers';
import { ControlListService } from './control-list/control-list.service';
import { ClassifyItemHandler } from './queries/classify-item/classify-item.handler';
import { ClassifyItemHttpController } from './queries/classify-item/classify-item.http.controller';
import { ControlListHistoryHandler, GetControlAnnouncementHandler } from './queries/control-list-history/control-list-history.handler';
import { ControlListHistoryHttpController } from './queries/control-list-history/control-list-history.http.controller';
import { ControlListOnHandler } from './queries/control-list-on/control-list-on.handler';
import { ControlListOnHttpController } from './queries/control-list-on/control-list-on.http.controller';
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
import { DefineRestrictedListHandler } from './commands/define-restricted-list/define-restricted-list.handler';
import { DefineRestrictedListHttpController } from './commands/define-restricted-list/define-restricted-list.http.controller';
import { EndOwnershipHandler } from './commands/end-ownership/end-ownership.handler';
import { EndOwnershipHttpController } from './commands/end-ownership/end-ownership.http.controller';
import { RecordOwnershipHandler } from './commands/record-ownership/record-ownership.handler';
import { RecordOwnershipHttpController } from './commands/record-ownership/record-ownership.http.controller';
import { ListOwnershipHandler } from './queries/list-ownership/list-ownership.handler';
import { ListOwnershipHttpController } from './queries/list-ownership/list-ownership.http.controller';
import { ListRestrictedListsHandler } from './queries/list-restricted-lists/list-restricted-lists.handler';
import { ListRestrictedListsHttpController } from './queries/list-restricted-lists/list-restricted-lists.http.controller';
import { ReferenceListsLoader } from './restricted-list/reference-lists.loader';
import { PartyScreening } from './screening/party-screening';
import { RegistryPartyScreening } from './screening/registry-party-screening';

/**
 * The registries over HTTP: mines with their quotas; the restricted lists with their parties, the
 * ownership registry and screening (`ScreeningService`, and the `PartyScreening` port other
 * contexts read through; the reference lists defined at start by `ReferenceListsLoader`); the
 * control list (announcements taken in by two officers, the list in force on a day, the
 * classification of an item by it; the `ControlListReader` port). Expects the application to
 * provide `EVENT_STORE` and a TypeORM connection; the
 * projections run in the worker (`REGISTRY_PROJECTIONS`).
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([...REGISTRY_READ_MODELS]), ControlListReferenceDataModule],
  controllers: [
    RegisterMineHttpController,
    AllocateMiningQuotaHttpController,
    GetMineHttpController,
    ListMinesHttpController,
    ListRestrictedPartyHttpController,
    DelistRestrictedPartyHttpController,
    ListRestrictedPartiesHttpController,
    ScreenNameHttpController,
    ProposeControlAnnouncementHttpController,
    AdoptControlAnnouncementHttpController,
    RejectControlAnnouncementHttpController,
    ControlListHistoryHttpController,
    ControlListOnHttpController,
    ClassifyItemHttpController,
    DefineRestrictedListHttpController,
    ListRestrictedListsHttpController,
    RecordOwnershipHttpController,
    EndOwnershipHttpController,
    ListOwnershipHttpController,
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
    ProposeControlAnnouncementHandler,
    AdoptControlAnnouncementHandler,
    RejectControlAnnouncementHandler,
    ControlListOnHandler,
    ControlListHistoryHandler,
    GetControlAnnouncementHandler,
    ClassifyItemHandler,
    ControlListService,
    AnnouncementNumbers,
    { provide: ControlListReader, useExisting: ControlListService },
    DefineRestrictedListHandler,
    ListRestrictedListsHandler,
    RecordOwnershipHandler,
    EndOwnershipHandler,
    ListOwnershipHandler,
    ReferenceListsLoader,
    { provide: PartyScreening, useClass: RegistryPartyScreening },
  ],
  exports: [ScreeningService, ControlListReader, PartyScreening],
})
export class RegistryModule {}
