import { DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsScraper, MONITORED_QUEUES } from './metrics-scraper';

export interface MetricsModuleOptions {
  /** The BullMQ queues whose depths are reported: every queue a reactor of the worker fills. */
  readonly queues: readonly string[];
}

/**
 * `GET /metrics`. Needs, from global modules: `Metrics`, `EVENT_STORE` and the TypeORM
 * `DataSource` (the PlatformModule) and `JobQueues` (the JobsModule).
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [MetricsScraper, { provide: MONITORED_QUEUES, useValue: [...options.queues] }],
    };
  }
}
