import type { Actor } from '@ree/shared-kernel';
import type { StatisticsGrouping } from './export-statistics.request.dto';

/** What customs released in a span of days (both included), grouped; an exporter's own only. */
export class ExportStatisticsQuery {
  constructor(
    readonly groupBy: StatisticsGrouping,
    readonly viewer: Actor,
    readonly from?: string,
    readonly to?: string,
  ) {}
}
