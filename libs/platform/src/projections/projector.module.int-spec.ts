import { Global, Injectable, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  createEventStorePool,
  EVENT_STORE,
  PostgresEventStore,
  Projection,
  Projector,
  ReadModelPositions,
} from '@ree/event-store';
import { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { asOwner, openTestDataSource, TEST_APPLICATION_ROLE } from '@ree/testing';
import { dataSourceOptions } from '../../../../infra/data-source';
import { READ_MODEL_POSITIONS, ReadModelPositionsPort } from '../http/read-model-positions.port';
import { ProjectorModule } from './projector.module';
import { ReadModelPositionsModule } from './read-model-positions.module';

const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
const TABLE = `wiring_test_${suffix}`;
const EVENT_TYPE = `Wired_${suffix}`;

/** A read model as a context would write one: an injectable class, one row per event. */
@Injectable()
class WiredProjection implements Projection {
  readonly name = `wired_${suffix}`;
  readonly eventTypes = [EVENT_TYPE];

  async handle(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      await tx.query(`INSERT INTO ${TABLE} (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [event.eventId]);
    }
  }

  async reset(tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM ${TABLE}`);
  }
}

describe('ProjectorModule', () => {
  let dataSource: DataSource;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    pool = createEventStorePool(process.env.DATABASE_URL!);
    store = new PostgresEventStore({ pool, pollIntervalMs: 50 });
    // The owner creates the test's table; the application role, as the worker, only writes it.
    const owner = await openTestDataSource([], asOwner(process.env.DATABASE_URL!));
    await owner.query(`CREATE TABLE ${TABLE} (event_id uuid PRIMARY KEY)`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLE} TO ${TEST_APPLICATION_ROLE}`);
    await owner.destroy();
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await dataSource.destroy();
  });

  /** What the PlatformModule provides in the applications, built by hand. */
  function infrastructure() {
    @Global()
    @Module({
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: DataSource, useValue: dataSource },
      ],
      exports: [EVENT_STORE, DataSource],
    })
    class Infrastructure {}
    return Infrastructure;
  }

  function append(type: string) {
    return store.appendToStream(`wiring-${randomUUID()}`, [
      { type, data: {}, metadata: { actor: { sub: 'wiring-test', role: 'admin' } } },
      { type, data: {}, metadata: { actor: { sub: 'wiring-test', role: 'admin' } } },
    ]);
  }

  it('starts the projector on bootstrap, serves read-your-writes, and stops it on close', async () => {
    const worker: TestingModule = await Test.createTestingModule({
      imports: [infrastructure(), ProjectorModule.forRoot({ projections: [WiredProjection], tuning: { lockIntervalMs: 50 } })],
    }).compile();
    await worker.init();
    const projector = worker.get(Projector);

    const { position } = await append(EVENT_TYPE);
    expect(await worker.get<ReadModelPositionsPort>(READ_MODEL_POSITIONS).waitFor(position, 60_000)).toBe(true);
    expect(await dataSource.query(`SELECT event_id FROM ${TABLE}`)).toHaveLength(2);
    expect((await projector.status()).map((status) => [status.name, status.state])).toEqual([
      [worker.get(WiredProjection).name, 'running'],
    ]);

    await worker.close();
    expect((await projector.status())[0].state).toBe('stopped');
  });

  it('gives the API read-your-writes over the named projections without running them', async () => {
    const api = await Test.createTestingModule({
      imports: [infrastructure(), ReadModelPositionsModule.forRoot([`never_run_${suffix}`])],
    }).compile();
    await api.init();
    const { position } = await append(`NotProjected_${suffix}`);

    expect(api.get(READ_MODEL_POSITIONS)).toBe(api.get(ReadModelPositions));
    expect(await api.get<ReadModelPositionsPort>(READ_MODEL_POSITIONS).waitFor(position, 50)).toBe(false);
    await api.close();
  });
});
