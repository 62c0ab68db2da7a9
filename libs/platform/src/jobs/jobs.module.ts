import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobLedger } from './job-ledger';
import { JobQueues } from './job-queues';
import { JobSchedules } from './job-schedules';

@Injectable()
class JobQueuesCloser implements OnApplicationShutdown {
  constructor(@Inject(JobQueues) private readonly queues: JobQueues) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}

/**
 * The process's BullMQ producers ({@link JobQueues}, on `REDIS_URL` with `QUEUE_PREFIX`), the
 * jobs' records in PostgreSQL ({@link JobLedger}) and the schedules the sweep keeps in Redis
 * ({@link JobSchedules}), global so that reactors injected into the projector and every job
 * processor find them; the API reads queue depths and the records for `/metrics` and
 * `/admin/jobs`. Needs `APP_CONFIG` and TypeORM's `DataSource` (the PlatformModule).
 */
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [
        {
          provide: JobQueues,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new JobQueues({ redisUrl: config.redisUrl, prefix: config.jobs.queuePrefix }),
        },
        {
          provide: JobLedger,
          inject: [DataSource, APP_CONFIG],
          useFactory: (dataSource: DataSource, config: AppConfig) => new JobLedger(dataSource, config.jobs.queuePrefix),
        },
        JobSchedules,
        JobQueuesCloser,
      ],
      exports: [JobQueues, JobLedger, JobSchedules],
    };
  }
}
