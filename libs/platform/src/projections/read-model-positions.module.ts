import { DynamicModule, Module } from '@nestjs/common';
import { EVENT_STORE, EventStore, ReadModelPositions } from '@ree/event-store';
import { DataSource } from 'typeorm';
import { READ_MODEL_POSITIONS } from '../http/read-model-positions.port';

/**
 * Read your writes in a process that does not run the projector (the API): provides
 * {@link ReadModelPositions}, also under `READ_MODEL_POSITIONS` for the `X-Min-Position` reads.
 * Needs `EVENT_STORE` and TypeORM's `DataSource` from a global module (the PlatformModule).
 */
@Module({})
export class ReadModelPositionsModule {
  /** `projections`: the names of every projection whose read models the process serves. */
  static forRoot(projections: readonly string[]): DynamicModule {
    return {
      module: ReadModelPositionsModule,
      global: true,
      providers: [
        {
          provide: ReadModelPositions,
          inject: [EVENT_STORE, DataSource],
          useFactory: (store: EventStore, dataSource: DataSource) =>
            new ReadModelPositions({ store, dataSource, projections }),
        },
        { provide: READ_MODEL_POSITIONS, useExisting: ReadModelPositions },
      ],
      exports: [ReadModelPositions, READ_MODEL_POSITIONS],
    };
  }
}
