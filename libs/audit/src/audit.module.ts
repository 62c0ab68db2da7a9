import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';

/**
 * The auditors' reads over HTTP (API.md "Audit"): a consignment's history as of any point and the
 * integrity of the hash chains it touches, read straight from the event store (never from a read
 * model, which could be rebuilt or lag); signed anchors and proofs join it. Expects the
 * application to provide `EVENT_STORE`.
 */
@Module({
  imports: [CqrsModule],
  controllers: [],
  providers: [],
})
export class AuditModule {}
