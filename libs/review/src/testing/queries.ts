/** The reviewers' query handlers, for the query-plan benchmark (bench/search-plans.ts), which runs them without HTTP. */
export { ExportStatisticsHandler } from '../queries/export-statistics/export-statistics.handler';
export { ExportStatisticsQuery } from '../queries/export-statistics/export-statistics.query';
export { ListFlagsHandler } from '../queries/list-flags/list-flags.handler';
export { ListFlagsQuery } from '../queries/list-flags/list-flags.query';
export { SearchConsignmentsHandler } from '../queries/search-consignments/search-consignments.handler';
export { type ConsignmentFilter, SearchConsignmentsQuery } from '../queries/search-consignments/search-consignments.query';
export { rangeEndOf, rangeStartOf } from '../queries/time-range';
