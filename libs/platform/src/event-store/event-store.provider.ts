import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import { createEventStorePool, EVENT_STORE, EventStore, PostgresEventStore, SealKeys } from '@ree/event-store';
import type { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { sessionSettingsOf } from '../database/session-settings';
import { Metrics } from '../observability/metrics';
import { CHAIN_SEAL, chainSealOf } from './chain-seal-config';

/** 16 writers measured best for appends on 2 cores (docs/quality.md, "Measured on the reference machine"). */
export const EVENT_STORE_POOL_MAX = 16;

/** The pg pool behind the PostgreSQL event store, closed after the store at shutdown. */
export const EVENT_STORE_POOL = Symbol('EventStorePool');

/** Thrown at start when the configured adapter is not part of this build. */
export class UnsupportedEventStoreError extends Error {
  override readonly name = 'UnsupportedEventStoreError';
}

/** Fails with one line when `EVENT_STORE` names an adapter this build cannot provide. */
export function assertEventStoreAvailable(config: AppConfig): void {
  if (config.eventStore === 'eventstoredb') {
    throw new UnsupportedEventStoreError(
      'EVENT_STORE=eventstoredb: the EventStoreDB adapter is not available in this build yet; unset EVENT_STORE to use PostgreSQL',
    );
  }
}

export function eventStoreProviders(role: 'api' | 'worker'): Provider[] {
  return [
    {
      provide: EVENT_STORE_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Pool => {
        assertEventStoreAvailable(config);
        return createEventStorePool(config.databaseUrl, {
          max: EVENT_STORE_POOL_MAX,
          ...sessionSettingsOf(config, role, 'events'),
          queueLimit: config.database.poolQueueLimit,
          acquireTimeoutMs: config.database.poolAcquireTimeoutMs,
          connectTimeoutMs: config.database.connectTimeoutMs,
        });
      },
    },
    { provide: CHAIN_SEAL, inject: [APP_CONFIG], useFactory: chainSealOf },
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, EVENT_STORE_POOL, Metrics, CHAIN_SEAL],
      useFactory: (config: AppConfig, pool: Pool, metrics: Metrics, seal: SealKeys): EventStore =>
        new PostgresEventStore({
          pool,
          listenConnectionString: config.databaseUrl,
          listenSession: sessionSettingsOf(config, role, 'listen'),
          onAppend: metrics.observeAppend,
          seal: seal.current,
        }),
    },
    EventStoreCloser,
  ];
}

/** Closes the store (its subscriptions and LISTEN connection) and then its pool, once, at shutdown. */
@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_STORE_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.store.close();
    } catch (error) {
      this.logger.warn(`closing the event store failed: ${(error as Error).message}`);
    }
    if (!this.pool.ended) await this.pool.end();
  }
}
