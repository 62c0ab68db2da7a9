import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@ree/shared-kernel';
import { DataSource } from 'typeorm';
import type { ReviewDocument } from '../../review-document/review-document';
import { ownOrganisationOf } from '../readers';
import { GetReviewQuery } from './get-review.query';

/**
 * One primary-key read of the stored document (the `http-read` bar of docs/quality.md, "Performance", asks thousands of them a
 * second): nothing is folded at request time. Another organisation's consignment answers an
 * exporter 404, as one that does not exist.
 */
@QueryHandler(GetReviewQuery)
export class GetReviewHandler implements IQueryHandler<GetReviewQuery, ReviewDocument> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ consignmentId, viewer }: GetReviewQuery): Promise<ReviewDocument> {
    const rows: Array<{ exporter_org: string; document: ReviewDocument }> = await this.dataSource.query(
      'SELECT exporter_org, document FROM review.consignments WHERE consignment_id = $1',
      [consignmentId],
    );
    const own = ownOrganisationOf(viewer);
    if (rows.length === 0 || (own !== null && rows[0].exporter_org !== own)) throw new NotFound('Consignment', consignmentId);
    return rows[0].document;
  }
}
