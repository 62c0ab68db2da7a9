import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Type,
} from '@nestjs/common';
import { EVENT_STORE, EventStore, Projection, Projector, ProjectorOptions, ReadModelPositions } from '@ree/event-store';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { sessionSettingsOf } from '../database/session-settings';
import { READ_MODEL_POSITIONS } from '../http/read-model-positions.port';

const PROJECTOR_AUTO_START = Symbol('ProjectorAutoStart');

/** The projection instances of a {@link ProjectorModule}, in registration order. */
export const PROJECTIONS = Symbol('Projections');

/** Tuning passed through to the {@link Projector}; the store, DataSource and logger come from the container. */
export type ProjectorTuning = Omit<ProjectorOptions, 'store' | 'dataSource' | 'projections' | 'logger'>;

export interface ProjectorModuleOptions {
  /** Injectable classes implementing {@link Projection}; their dependencies come from the container. */
  readonly projections: readonly Type<Projection>[];
  readonly tuning?: ProjectorTuning;
  /** Start on bootstrap (default). Tests that drive the projector by hand pass false. */
  readonly autoStart?: boolean;
}

/** Starts the projector once the application is up; stops it (the current batches finish) before the pools close. */
@Injectable()
export class ProjectorLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly projector: Projector,
    @Inject(PROJECTOR_AUTO_START) private readonly autoStart: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.autoStart) await this.projector.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }
}

/**
 * The worker's projector: runs the given projections (only in the worker; the API imports
 * {@link ReadModelPositionsModule} instead). Also provides {@link ReadModelPositions} over the
 * same projections. Needs `EVENT_STORE` and TypeORM's `DataSource` from a global module.
 */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorModuleOptions): DynamicModule {
    const classes = [...options.projections];
    return {
      module: ProjectorModule,
      global: true,
      providers: [
        ...classes,
        { provide: PROJECTIONS, inject: classes, useFactory: (...projections: Projection[]) => projections },
        { provide: PROJECTOR_AUTO_START, useValue: options.autoStart ?? true },
        {
          provide: Projector,
          inject: [EVENT_STORE, DataSource, PROJECTIONS, { token: APP_CONFIG, optional: true }],
          useFactory: (store: EventStore, dataSource: DataSource, projections: Projection[], config?: AppConfig) =>
            new Projector({
              ...(config && {
                lockSession: sessionSettingsOf(config, 'worker', 'locks'),
                horizonWarnAfterMs: config.database.horizonWarnAfterMs,
              }),
              ...options.tuning,
              store,
              dataSource,
              projections,
              logger: new Logger(Projector.name),
            }),
        },
        {
          provide: ReadModelPositions,
          inject: [EVENT_STORE, DataSource, Projector],
          useFactory: (store: EventStore, dataSource: DataSource, projector: Projector) =>
            new ReadModelPositions({ store, dataSource, projections: projector.projectionNames }),
        },
        { provide: READ_MODEL_POSITIONS, useExisting: ReadModelPositions },
        ProjectorLifecycle,
      ],
      exports: [Projector, PROJECTIONS, ReadModelPositions, READ_MODEL_POSITIONS],
    };
  }
}
