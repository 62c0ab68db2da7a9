import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, SealCheck, sealChecker, SealKeys } from '@ree/event-store';
import { CHAIN_SEAL } from '@ree/platform/event-store';
import { DataSource } from 'typeorm';
import { anchorRows } from '../../anchors/anchor-store';
import { checkConsignmentIntegrity } from '../../integrity/consignment-integrity';
import { CheckConsignmentIntegrityQuery } from './check-consignment-integrity.query';
import { ConsignmentIntegrityResponseDto, LatestAnchorResponseDto } from './check-consignment-integrity.response.dto';

/**
 * Reads the stored (raw) events page by page: never a read model, which is built from them. Checks
 * every seal with the service's keys, and names the latest anchor, whose check covers what the
 * chain alone cannot show (docs/operations.md, "The hash chain").
 */
@QueryHandler(CheckConsignmentIntegrityQuery)
export class CheckConsignmentIntegrityHandler implements IQueryHandler<CheckConsignmentIntegrityQuery, ConsignmentIntegrityResponseDto> {
  private readonly sealHolds: SealCheck;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CHAIN_SEAL) seal: SealKeys,
    private readonly dataSource: DataSource,
  ) {
    this.sealHolds = sealChecker(seal.all);
  }

  async execute({ consignmentId, slice }: CheckConsignmentIntegrityQuery): Promise<ConsignmentIntegrityResponseDto> {
    const { valid, streams } = await checkConsignmentIntegrity(this.store, consignmentId, slice, { sealHolds: this.sealHolds });
    return { valid, streams: [...streams], latestAnchor: await this.latestAnchor() };
  }

  private async latestAnchor(): Promise<LatestAnchorResponseDto | null> {
    const latest = await anchorRows.latest(this.dataSource);
    if (latest === null) return null;
    const { id, takenAt, lastPosition } = latest.anchor;
    return { id, takenAt, lastPosition, check: `/api/v1/audit/anchors/${id}/check` };
  }
}
