import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@ree/event-store';
import { checkConsignmentIntegrity } from '../../integrity/consignment-integrity';
import { CheckConsignmentIntegrityQuery } from './check-consignment-integrity.query';
import { ConsignmentIntegrityResponseDto } from './check-consignment-integrity.response.dto';

/** Reads the stored (raw) events page by page: never a read model, which is built from them. */
@QueryHandler(CheckConsignmentIntegrityQuery)
export class CheckConsignmentIntegrityHandler implements IQueryHandler<CheckConsignmentIntegrityQuery, ConsignmentIntegrityResponseDto> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ consignmentId, slice }: CheckConsignmentIntegrityQuery): Promise<ConsignmentIntegrityResponseDto> {
    const { valid, streams } = await checkConsignmentIntegrity(this.store, consignmentId, slice);
    return { valid, streams: [...streams] };
  }
}
