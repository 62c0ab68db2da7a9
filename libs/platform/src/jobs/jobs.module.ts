import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobQueues } from './job-queues';

@Injectable()
class JobQueuesCloser implements OnApplicationShutdown {
  constructor(@Inject(JobQueues) private readonly queues: JobQueues) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
  }
}

/**
 * The process's BullMQ producers ({@link JobQueues}, on `REDIS_URL` with `QUEUE_PREFIX`), global so
 * that reactors injected into the projector find them; the API reads queue depths through them for
 * `/metrics`. Needs `APP_CONFIG` (the PlatformModule).
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
        JobQueuesCloser,
      ],
      exports: [JobQueues],
    };
  }
}
