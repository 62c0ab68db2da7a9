import { Body, Controller, Get, Global, HttpCode, INestApplication, LoggerService, Module, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../infra/data-source';
import { configureHttp } from '../../apps/api/src/http/configure-http';
import { HttpConventionsModule } from '../../apps/api/src/http/http-conventions.module';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '@ree/event-store';
import { Public, Roles } from '@ree/platform/auth';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { CommandResponse, Ctx, READ_MODEL_POSITIONS } from '@ree/platform/http';
import { Metrics } from '@ree/platform/observability';
import { CommandContext, DomainRuleViolation, NotFound } from '@ree/shared-kernel';
import { FakeReadModelPositions } from './fake-read-model-positions';

/**
 * The in-process application of the HTTP-conventions specs (test/e2e/http-*.e2e-spec.ts): the API's HTTP
 * conventions module around test controllers that register, fail, conflict and read as the tests need.
 */

class ConsigneeDto {
  @IsString() name: string;
  @IsIn(['DE', 'FR', 'JP']) country: string;
}

class RegisterThingDto {
  @IsString() @MinLength(3) product: string;
  @IsNumber() @Min(0) quantityKg: number;
  @ValidateNested() @Type(() => ConsigneeDto) consignee: ConsigneeDto;
}

/** What the application logged as errors: a 500 must leave a line with its correlation id. */
export const loggedErrors: string[] = [];
const captureErrors: LoggerService = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: unknown) => void loggedErrors.push(String(message)),
};

export const positions = new FakeReadModelPositions();
export const runs = new Map<string, number>();

@Controller('things')
class ThingsTestController {
  @Post()
  @Roles('exporter')
  async register(@Body() body: RegisterThingDto, @Ctx() ctx: CommandContext): Promise<CommandResponse> {
    const tally = body.product;
    runs.set(tally, (runs.get(tally) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return CommandResponse.of(randomUUID(), { revision: 0, position: String(ctx.now.getTime()) });
  }

  @Post('failing')
  @Roles('exporter')
  fail(@Body() body: { attempt: number }): never {
    runs.set('failing', (runs.get('failing') ?? 0) + 1);
    throw new DomainRuleViolation('quota-exceeded', `The annual quota is exhausted (attempt ${body.attempt})`);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('licensing-officer')
  approve(@Param('id') id: string, @Ctx() ctx: CommandContext): never {
    throw new WrongExpectedRevisionError(`licence-${id}`, ctx.expectedRevision ?? 'any', 7);
  }

  @Get('whoami')
  @Roles('exporter', 'licensing-officer', 'customs-agent', 'auditor', 'admin')
  whoami(@Ctx() ctx: CommandContext): CommandContext {
    return ctx;
  }

  @Get('read')
  @Roles('auditor')
  read(): { position: string } {
    return { position: positions.current.toString() };
  }

  @Get('unguarded')
  unguarded(): string {
    return 'this must never be served';
  }

  @Get('missing')
  @Roles('auditor')
  missing(): never {
    throw new NotFound('Consignment', 'c-1');
  }

  @Get('store-down')
  @Roles('auditor')
  storeDown(): never {
    throw new EventStoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
  }

  @Get('database-restarting')
  @Roles('auditor')
  databaseRestarting(): never {
    throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  }

  @Get('crash')
  @Roles('auditor')
  crash(): never {
    throw new Error('syntax error at or near "FROM" in SELECT secret FROM platform.users');
  }
}

@Controller('health')
@Public()
class HealthTestController {
  @Get('live')
  live(): { status: string } {
    return { status: 'up' };
  }
}

export async function startApp(config: AppConfig, dataSource: DataSource): Promise<INestApplication> {
  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: DataSource, useValue: dataSource },
      { provide: READ_MODEL_POSITIONS, useValue: positions },
      { provide: Metrics, useValue: new Metrics() },
    ],
    exports: [APP_CONFIG, DataSource, Metrics],
  })
  class TestInfrastructureModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [TestInfrastructureModule, HttpConventionsModule],
    controllers: [ThingsTestController, HealthTestController],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: captureErrors });
  configureHttp(app, config);
  await app.init();
  return app;
}

export const validBody = (product: string) => ({ product, quantityKg: 12.5, consignee: { name: 'Nordwerk GmbH', country: 'DE' } });

/** The conventions app of one spec file, on a read-model pool of 20: started before its tests, closed after them. */
export function useConventionsApp(config: AppConfig): { http: () => ReturnType<typeof request>; dataSource: () => DataSource } {
  let dataSource: DataSource;
  let app: INestApplication;
  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, { extra: { max: 20 } })).initialize();
    app = await startApp(config, dataSource);
  });
  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
  });
  return { http: () => request(app.getHttpServer()), dataSource: () => dataSource };
}
