import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { AuthenticationGuard } from './authentication.guard';
import { AuthorizationGuard } from './authorization.guard';
import { CommandMetricsInterceptor } from './command-metrics.interceptor';
import { CorrelationMiddleware } from './correlation';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';
import { LocationInterceptor } from './location.interceptor';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RateLimitGuard } from './rate-limit.guard';
import { SharedRateLimitStorage } from './rate-limit.storage';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { StrictValidationPipe } from './validation';

/** The rate limiter's Redis counters, a provider of their own so that their connection closes with the application. */
@Module({ providers: [SharedRateLimitStorage], exports: [SharedRateLimitStorage] })
class RateLimitStorageModule {}

/**
 * The HTTP conventions of docs/http-conventions.md for every route: correlation ids, bearer-token authentication,
 * deny-by-default authorisation, rate limits (counted in Redis), strict validation, problem+json errors,
 * `Idempotency-Key`, `Location` on creates, `X-Min-Position` reads and the count of commands
 * by outcome (`ree_commands_total`).
 *
 * Needs, from global modules of the application: `APP_CONFIG`, `Metrics` and the TypeORM `DataSource`; and,
 * for `X-Min-Position`, a provider of `READ_MODEL_POSITIONS` anywhere in the application.
 * Guards and interceptors run in the order listed here.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [APP_CONFIG, SharedRateLimitStorage],
      useFactory: (config: AppConfig, storage: SharedRateLimitStorage) => ({ throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }], storage }),
    }),
  ],
  providers: [
    IdempotencyStore,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useClass: StrictValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor },
    { provide: APP_INTERCEPTOR, useClass: LocationInterceptor },
  ],
})
export class HttpConventionsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
