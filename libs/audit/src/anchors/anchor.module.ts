import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { anchorKeyProvider, anchorKeyringProvider, anchorProofsProvider, anchorTakerProvider } from './anchor.providers';
import { AnchorsHttpController } from './http/anchors.http.controller';
import { CheckAnchorHandler, GetAnchorHandler, GetEventProofHandler, ListAnchorsHandler } from './queries/anchor.handlers';

/**
 * Anchors over HTTP: the public keys, the list, the latest, one by id, an event's proof, the
 * check of an anchor against the store, and
 * `POST /audit/anchors`, which takes one in the request under the same lock as the worker's job
 * (so the API holds the signing key too). Expects `APP_CONFIG`, `EVENT_STORE` and TypeORM's
 * `DataSource` (the PlatformModule).
 */
@Module({
  imports: [CqrsModule],
  controllers: [AnchorsHttpController],
  providers: [
    anchorKeyringProvider,
    anchorKeyProvider,
    anchorTakerProvider,
    anchorProofsProvider,
    ListAnchorsHandler,
    GetAnchorHandler,
    GetEventProofHandler,
    CheckAnchorHandler,
  ],
})
export class AnchorModule {}
