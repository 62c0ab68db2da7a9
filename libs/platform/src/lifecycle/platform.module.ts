import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EVENT_STORE } from '@ree/event-store';
import type { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig, loadConfig } from '../config/app-config';
import { typeOrmOptions } from '../database/typeorm-options';
import { CHAIN_SEAL } from '../event-store/chain-seal-config';
import { EVENT_STORE_POOL, eventStoreProviders } from '../event-store/event-store.provider';
import { GenerateRequestId, LoggingModule } from '../observability/logging.module';
import { Metrics } from '../observability/metrics';
import { closeRedisConnection, createRedisConnection, REDIS } from '../redis/redis.connection';
import { ShutdownLog } from '../observability/shutdown-log';

export type AppRole = 'api' | 'worker';

export interface PlatformOptions {
  readonly role: AppRole;
  /** Already loaded and validated; read from `process.env` when omitted. */
  readonly config?: AppConfig;
  /** The API's correlation-id rule for request logs. */
  readonly generateRequestId?: GenerateRequestId;
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedisConnection(this.redis);
  }
}

/**
 * What every process of the product stands on: its configuration (`APP_CONFIG`), JSON logs,
 * the event store (`EVENT_STORE`), TypeORM's connection to the read models, one Redis
 * connection (`REDIS`), the CQRS buses and the application's `Metrics` (the event store reports
 * its appends there). Global: contexts inject these without importing it.
 *
 * Shutdown order (Nest's): `onModuleDestroy` (the projector stops), the HTTP server stops
 * taking requests and finishes those in flight, then `onApplicationShutdown` closes the pools.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const config = options.config ?? loadConfig();
    return {
      module: PlatformModule,
      imports: [
        LoggingModule.forRoot({ role: options.role, config, generateRequestId: options.generateRequestId }),
        TypeOrmModule.forRootAsync({ useFactory: () => typeOrmOptions(config, options.role) }),
        CqrsModule.forRoot(),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => createRedisConnection(config.redisUrl, `ree-${options.role}`) },
        RedisCloser,
        ShutdownLog,
        { provide: Metrics, useFactory: () => new Metrics() },
        ...eventStoreProviders(options.role),
      ],
      exports: [APP_CONFIG, REDIS, EVENT_STORE, EVENT_STORE_POOL, CHAIN_SEAL, CqrsModule, Metrics],
    };
  }
}
