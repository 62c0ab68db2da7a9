import type { RecordedEvent } from '@ree/shared-kernel';
import { randomUUID } from 'node:crypto';
import { openTestDataSource, recordedStream } from '@ree/testing';
import { DataSource } from 'typeorm';
import { MINE_REGISTERED, MineEvent, MINING_QUOTA_ALLOCATED, MINING_QUOTA_DRAWN, MINING_QUOTA_RETURNED } from '../mine/mine.events';
import { evolveMine, initialMineState } from '../mine/mine.state';
import { mineStream, mineStreamId } from '../mine/mine.stream';
import { mineTables } from './mine-tables';
import { GetMineHandler } from '../queries/get-mine/get-mine.handler';
import { GetMineQuery } from '../queries/get-mine/get-mine.query';
import { MineProjection } from './mine.projection';
import { MineReadModel } from './mine.read-model';
import { REGISTRY_READ_MODELS } from './read-models';

function mineHistory(mineId: string): RecordedEvent[] {
  const draw = { year: 2025, category: 'light', consignmentId: randomUUID() } as const;
  const events: MineEvent[] = [
    {
      type: MINE_REGISTERED,
      data: { mineId, name: 'Bayan Obo East', operator: 'Baotou Steel', region: 'Inner Mongolia', country: 'CN', miningLicenceNo: 'C150', depositType: 'bastnaesite' },
    },
    { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'first', year: 2025, category: 'light', quotaKgReo: 1000.1 } },
    { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'second', year: 2025, category: 'light', quotaKgReo: 0.2 } },
    { type: MINING_QUOTA_ALLOCATED, data: { allocationId: 'third', year: 2024, category: 'medium-heavy', quotaKgReo: 50 } },
    { type: MINING_QUOTA_DRAWN, data: { ...draw, kgReo: 100.001, declarationId: 'd1' } },
    { type: MINING_QUOTA_DRAWN, data: { ...draw, kgReo: 200, declarationId: 'd2' } },
    { type: MINING_QUOTA_RETURNED, data: { ...draw, kgReo: 200, declarationId: 'd2', reason: 'consignment cancelled' } },
  ];
  return recordedStream(mineStreamId(mineId), events);
}

describe('the mine projection', () => {
  let dataSource: DataSource;
  const projection = new MineProjection();
  let getMine: GetMineHandler;

  beforeAll(async () => {
    dataSource = await openTestDataSource(REGISTRY_READ_MODELS);
    getMine = new GetMineHandler(dataSource.getRepository(MineReadModel));
  });
  afterAll(() => dataSource.destroy());

  const project = (events: readonly RecordedEvent[]) => dataSource.transaction((tx) => projection.handle(events, tx));

  it('builds the mine with its quotas: batches add up, draws net of returns, exact to the gram', async () => {
    const mineId = randomUUID();
    await project(mineHistory(mineId));

    const mine = await getMine.execute(new GetMineQuery(mineId));

    expect(mine).toMatchObject({ mineId, name: 'Bayan Obo East', country: 'CN', depositType: 'bastnaesite' });
    expect(mine.quotas).toEqual([
      { year: 2025, category: 'light', allocatedKgReo: 1000.3, drawnKgReo: 100.001, remainingKgReo: 900.299, batches: 2 },
      { year: 2024, category: 'medium-heavy', allocatedKgReo: 50, drawnKgReo: 0, remainingKgReo: 50, batches: 1 },
    ]);
  });

  it("holds after every batch the state the decider folds with evolveMine", async () => {
    const mineId = randomUUID();
    const history = mineHistory(mineId);
    const stored = async () => (await dataSource.transaction((tx) => mineTables.load([mineId], tx))).get(mineId)?.state;
    for (const [start, end] of [[0, 2], [2, 5], [5, 7]]) {
      await project(history.slice(start, end));
      expect(await stored()).toEqual(mineStream.domainEvents(history.slice(0, end)).reduce(evolveMine, initialMineState()));
    }
  });

  it('leaves the same rows when the same events come again', async () => {
    const mineId = randomUUID();
    const history = mineHistory(mineId);
    await project(history);
    const once = await getMine.execute(new GetMineQuery(mineId));

    await project(history);
    await project(history.slice(3));

    expect(await getMine.execute(new GetMineQuery(mineId))).toEqual(once);
  });

  it('answers not found for a mine it has not seen', async () => {
    await expect(getMine.execute(new GetMineQuery(randomUUID()))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('reset empties its tables', async () => {
    await project(mineHistory(randomUUID()));
    const counts = await dataSource
      .transaction(async (tx) => {
        await projection.reset(tx);
        const rows: Array<{ n: string }> = await tx.query(
          `SELECT (SELECT count(*) FROM registry.mines) + (SELECT count(*) FROM registry.mine_quota_allocations)
                + (SELECT count(*) FROM registry.mine_quota_draws) AS n`,
        );
        // Rolled back so that the other suites sharing the database keep their rows.
        throw Object.assign(new Error('rollback'), { rows });
      })
      .catch((error: { rows: Array<{ n: string }> }) => error.rows);
    expect(counts).toEqual([{ n: '0' }]);
  });
});
