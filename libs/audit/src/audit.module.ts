import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AnchorModule } from './anchors/anchor.module';
import { CheckConsignmentIntegrityHandler } from './queries/check-consignment-integrity/check-consignment-integrity.handler';
import { CheckConsignmentIntegrityHttpController } from './queries/check-consignment-integrity/check-consignment-integrity.http.controller';
import { GetConsignmentHistoryHandler } from './queries/get-consignment-history/get-consignment-history.handler';
import { GetConsignmentHistoryHttpController } from './queries/get-consignment-history/get-consignment-history.http.controller';
import { AdminIntegrityHttpController } from './jobs/http/admin-integrity.http.controller';

/**
 * The auditors' reads over HTTP (docs/api.md, "Audit"): a consignment's history as of any point and the
 * integrity of the hash chains it touches, read straight from the event store (never from a read
 * model, which could be rebuilt or lag); signed anchors and proofs join it through
 * `AnchorModule`; administrators see the last integrity sweep (`GET /admin/integrity`). Expects the application to provide `EVENT_STORE`, and for the anchors
 * `APP_CONFIG` and TypeORM's `DataSource` (the PlatformModule).
 */
@Module({
  imports: [CqrsModule, AnchorModule],
  controllers: [GetConsignmentHistoryHttpController, CheckConsignmentIntegrityHttpController, AdminIntegrityHttpController],
  providers: [GetConsignmentHistoryHandler, CheckConsignmentIntegrityHandler],
})
export class AuditModule {}
