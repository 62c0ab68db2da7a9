import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { anchorKeyProvider, anchorProofsProvider, anchorTakerProvider } from './anchor.providers';
import { AnchorsHttpController } from './http/anchors.http.controller';
import { GetAnchorHandler, GetEventProofHandler, ListAnchorsHandler } from './queries/anchor.handlers';

/**
 * Anchors over HTTP: the public key, the list, the latest, one by id, an event's proof, and
 * `POST /audit/anchors`, which takes one in the request under the same lock as the worker's job
 * (so the API holds the signing key too). Expects `APP_CONFIG`, `EVENT_STORE` and TypeORM's
 * `DataSource` (the PlatformModule).
 */
@Module({
  imports: [CqrsModule],
  controllers: [AnchorsHttpController],
  providers: [anchorKeyProvider, anchorTakerProvider, anchorProofsProvider, ListAnchorsHandler, GetAnchorHandler, GetEventProofHandler],
})
export class AnchorModule {}
