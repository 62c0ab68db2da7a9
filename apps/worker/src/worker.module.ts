import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AnchorJobsModule, IntegritySweepJobsModule } from '@ree/audit';
import { COMPLIANCE_JOB_PROJECTIONS, ComplianceJobsModule } from '@ree/compliance';
import { EXPIRY_PROJECTIONS, LICENSING_PROJECTIONS, LicenceExpiryModule } from '@ree/licensing';
import { CONSIGNMENT_JOB_PROJECTIONS, ConsignmentJobsModule } from '@ree/consignment';
import { PlatformModule } from '@ree/platform';
import { AppConfig, loadConfig } from '@ree/platform/config';
import { JobsModule, JobSweepModule } from '@ree/platform/jobs';
import { ProjectorModule, RebuildProjectionModule } from '@ree/platform/projections';
import { ControlListReferenceDataModule, ReferenceListsModule, REGISTRY_PROJECTIONS } from '@ree/registry';
import { REVIEW_PROJECTIONS } from '@ree/review';
import { Logger } from 'nestjs-pino';

export interface WorkerAppOptions {
  /** Defaults to `loadConfig(process.env)`; tests pass their own. */
  readonly config?: AppConfig;
}

/**
 * The worker process: the platform, the projector that keeps every context's read models up to
 * date and runs the reactors (committed events → jobs recorded in PostgreSQL and queued in BullMQ),
 * the job processors, and the sweep that puts back in Redis what Redis lost. Like the API, it takes
 * the control list's reference data in on start. It serves no HTTP.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ role: 'worker', config }),
        JobsModule.forRoot(),
        JobSweepModule,
        ProjectorModule.forRoot({ projections: [...REGISTRY_PROJECTIONS, ...LICENSING_PROJECTIONS, ...REVIEW_PROJECTIONS, ...CONSIGNMENT_JOB_PROJECTIONS, ...EXPIRY_PROJECTIONS, ...COMPLIANCE_JOB_PROJECTIONS] }),
        ConsignmentJobsModule,
        LicenceExpiryModule,
        ComplianceJobsModule,
        AnchorJobsModule,
        IntegritySweepJobsModule,
        RebuildProjectionModule,
        ControlListReferenceDataModule,
        ReferenceListsModule,
      ],
    };
  }
}

/** Builds and initialises the worker: the projector runs once this resolves. */
export async function createWorkerApp(options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  const config = options.config ?? loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  return app;
}
