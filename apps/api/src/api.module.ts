import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule, INTEGRITY_SWEEP_QUEUE, TAKE_ANCHOR_QUEUE } from '@ree/audit';
import { DEADLINE_FLAGS_QUEUE, END_USE_VIOLATION_QUEUE, RESTRICTED_PARTY_MATCH_QUEUE } from '@ree/compliance';
import { ConsignmentModule, RECONCILE_DRAWS_QUEUE } from '@ree/consignment';
import { EXPIRE_LICENCES_QUEUE, LICENSING_PROJECTIONS, LicensingModule } from '@ree/licensing';
import { PlatformModule } from '@ree/platform';
import { AppConfig, loadConfig } from '@ree/platform/config';
import { JobsModule } from '@ree/platform/jobs';
import { ReadModelPositionsModule, REBUILD_PROJECTION_QUEUE } from '@ree/platform/projections';
import { REGISTRY_PROJECTIONS, RegistryModule } from '@ree/registry';
import { REVIEW_PROJECTION, ReviewModule } from '@ree/review';
import { Logger } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { HealthModule } from './health/health.module';
import { configureHttp } from './http/configure-http';
import { correlationIdOf } from './http/correlation';
import { HttpConventionsModule } from './http/http-conventions.module';
import { MetricsModule } from './metrics/metrics.module';

export interface ApiAppOptions {
  /** Defaults to `loadConfig(process.env)`; tests pass their own. */
  readonly config?: AppConfig;
}

/**
 * The projections whose read models the API serves, for `X-Min-Position` reads. Projections
 * are stateless objects named by a field, so an instance made here only tells its name; the
 * worker runs them. The review projection takes its flag policy from the configuration, so it is
 * named by its constant.
 */
const SERVED_PROJECTIONS = [...[...REGISTRY_PROJECTIONS, ...LICENSING_PROJECTIONS].map((Projection) => new Projection().name), REVIEW_PROJECTION];

/** The BullMQ queues whose depths `/metrics` reports: every queue the worker processes (add a new one here). */
export const MONITORED_QUEUES = [RECONCILE_DRAWS_QUEUE, EXPIRE_LICENCES_QUEUE, DEADLINE_FLAGS_QUEUE, END_USE_VIOLATION_QUEUE, RESTRICTED_PARTY_MATCH_QUEUE, TAKE_ANCHOR_QUEUE, INTEGRITY_SWEEP_QUEUE, REBUILD_PROJECTION_QUEUE];

/**
 * The API process: the platform, the HTTP conventions, every bounded context's controllers,
 * the health probes and the Prometheus metrics (which read queue depths through `JobQueues`).
 */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot({ role: 'api', config, generateRequestId: correlationIdOf }),
        HttpConventionsModule,
        ReadModelPositionsModule.forRoot(SERVED_PROJECTIONS),
        RegistryModule,
        ConsignmentModule,
        LicensingModule,
        ReviewModule,
        AuditModule,
        HealthModule,
        AdminModule,
        JobsModule.forRoot(),
        MetricsModule.forRoot({ queues: MONITORED_QUEUES }),
      ],
    };
  }
}

/**
 * Builds the API with every HTTP convention applied, not yet listening: `main.ts` listens on
 * `config.port`, tests call `init()` and talk to `getHttpServer()`.
 */
export async function createApiApp(options: ApiAppOptions = {}): Promise<INestApplication> {
  const config = options.config ?? loadConfig();
  const app = await NestFactory.create(ApiModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  return app;
}
