import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ExportStatisticsHandler } from './queries/export-statistics/export-statistics.handler';
import { ExportStatisticsHttpController } from './queries/export-statistics/export-statistics.http.controller';
import { GetReviewHandler } from './queries/get-review/get-review.handler';
import { GetReviewHttpController } from './queries/get-review/get-review.http.controller';
import { ListFlagsHandler } from './queries/list-flags/list-flags.handler';
import { ListFlagsHttpController } from './queries/list-flags/list-flags.http.controller';
import { SearchConsignmentsHandler } from './queries/search-consignments/search-consignments.handler';
import { SearchConsignmentsHttpController } from './queries/search-consignments/search-consignments.http.controller';

/**
 * The review over HTTP: the whole-process document, the reviewers' search, the red flags across
 * consignments and the export statistics, all read from the review projection's tables (schema
 * `review`). Expects the application to provide TypeORM's `DataSource`; the projection runs in the worker.
 */
@Module({
  imports: [CqrsModule],
  controllers: [SearchConsignmentsHttpController, GetReviewHttpController, ListFlagsHttpController, ExportStatisticsHttpController],
  providers: [SearchConsignmentsHandler, GetReviewHandler, ListFlagsHandler, ExportStatisticsHandler],
})
export class ReviewModule {}
